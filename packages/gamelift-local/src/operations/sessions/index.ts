import { GetGameSessionLogUrl } from "./GetGameSessionLogUrl.js";
import { GetPlayerConnectionDetails } from "./GetPlayerConnectionDetails.js";
import type { Operation } from "../types.js";
import { CreateGameSession } from "./CreateGameSession.js";
import { CreatePlayerSession } from "./CreatePlayerSession.js";
import { CreatePlayerSessions } from "./CreatePlayerSessions.js";
import { DescribeGameSessionDetails } from "./DescribeGameSessionDetails.js";
import { DescribeGameSessions } from "./DescribeGameSessions.js";
import { DescribePlayerSessions } from "./DescribePlayerSessions.js";
import { SearchGameSessions } from "./SearchGameSessions.js";
import { TerminateGameSession } from "./TerminateGameSession.js";
import { UpdateGameSession } from "./UpdateGameSession.js";

/** Game session and player session operations. */
export const sessionOperations: Record<string, Operation> = {
  CreateGameSession,
  CreatePlayerSession,
  CreatePlayerSessions,
  DescribeGameSessionDetails,
  DescribeGameSessions,
  DescribePlayerSessions,
  GetGameSessionLogUrl,
  GetPlayerConnectionDetails,
  SearchGameSessions,
  TerminateGameSession,
  UpdateGameSession,
};
