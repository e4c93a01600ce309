export * from "./common.js";
export * from "./matchmaking.js";
export * from "./players.js";
export * from "./parties.js";
export * from "./placements.js";
export * from "./realtime.js";
export * from "./matchEvents.js";
export * from "./server.js";
