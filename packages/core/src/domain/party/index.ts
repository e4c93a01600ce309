export * from "./types.js";
export * from "./service.js";
export * from "./ports.js";
