export * from "./domain/ticket/types.js";
export * from "./domain/ticket/status.js";
export * from "./domain/placement/types.js";
