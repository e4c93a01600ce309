import type { Engine } from "./Engine.js";
import { matchmakingEngines } from "./matchmaking/index.js";

/** Every engine, in tick order: the platform first, then matchmaking. */
export const engines: Engine[] = [...matchmakingEngines];
