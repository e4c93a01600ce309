export * from "./catalog.js";
export * from "./attributes.js";
export * from "./ports.js";
export * from "./view.js";
export * from "./startMatchmaking.js";
export * from "./readTicket.js";
export * from "./changeTicket.js";
