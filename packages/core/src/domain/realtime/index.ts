export * from "./types.js";
export * from "./ports.js";
export { pushesFor, matchEventFor } from "./changes.js";
export { connectionExpiry, isLive, DEFAULT_CONNECTION_LIMITS } from "./connections.js";
export { resyncState, type ResyncDeps, type ResyncState } from "./resync.js";
