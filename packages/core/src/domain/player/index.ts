export * from "./types.js";
export * from "./profile.js";
