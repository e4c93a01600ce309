export { createGameLiftClient, type GameLiftClientOptions } from "./client.js";
export { GameLiftGateway, toAttributeValue, type GameLiftGatewayOptions } from "./GameLiftGateway.js";
export { mapGameLiftError } from "./mapGameLiftError.js";
export { GameLiftReconcileObserver, toObservedPlacement, toObservedTicket } from "./reconcileObserver.js";
