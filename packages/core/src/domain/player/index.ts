export * from "./types.js";
export * from "./profile.js";
export * from "./ports.js";
