export * from "./domain/ticket/types.js";
export * from "./domain/ticket/status.js";
export * from "./domain/placement/types.js";
export * from "./errors.js";
export * from "./domain/matchmaking/index.js";
export * from "./domain/player/types.js";
export * from "./domain/party/types.js";
