import { DescribeGameSessionPlacement } from "../placements/DescribeGameSessionPlacement.js";
import { StartGameSessionPlacement } from "../placements/StartGameSessionPlacement.js";
import { StopGameSessionPlacement } from "../placements/StopGameSessionPlacement.js";
import type { Operation } from "../types.js";
import { CreateGameSessionQueue } from "./CreateGameSessionQueue.js";
import { DeleteGameSessionQueue } from "./DeleteGameSessionQueue.js";
import { DescribeGameSessionQueues } from "./DescribeGameSessionQueues.js";
import { UpdateGameSessionQueue } from "./UpdateGameSessionQueue.js";

/** Queue and placement operations. */
export const queueOperations: Record<string, Operation> = {
  CreateGameSessionQueue,
  DeleteGameSessionQueue,
  DescribeGameSessionQueues,
  UpdateGameSessionQueue,
  DescribeGameSessionPlacement,
  StartGameSessionPlacement,
  StopGameSessionPlacement,
};
