import type { Operation } from "../types.js";

/** FlexMatch operations (owned by the matchmaking work); spread into the registry. */
export const matchmakingOperations: Record<string, Operation> = {};
