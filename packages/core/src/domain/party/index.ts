export * from "./types.js";
export * from "./service.js";
