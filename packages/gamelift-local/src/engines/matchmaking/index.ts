import type { Engine } from "../Engine.js";

/** Matchmaking engines (owned by the matchmaking work); ticked after the platform engines. */
export const matchmakingEngines: Engine[] = [];
