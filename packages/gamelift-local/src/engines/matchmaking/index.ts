import type { Engine } from "../Engine.js";
import { createMatchmakingEngine } from "./engine.js";
import { flexMatcher } from "./matcher.js";
import { queuePlacer } from "./queuePlacer.js";

/** Matchmaking engines (ticked after the platform engines): the FlexMatch loop over queue placements. */
export const matchmakingEngines: Engine[] = [createMatchmakingEngine({ matcher: flexMatcher, placer: queuePlacer })];
