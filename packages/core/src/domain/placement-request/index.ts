export * from "./service.js";
export * from "./ports.js";
