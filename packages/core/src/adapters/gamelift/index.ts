export { createGameLiftClient, type GameLiftClientOptions } from "./client.js";
export {
  bindGameLift,
  type BoundGameLift,
  callAcceptMatch,
  callDescribeMatchmakingConfiguration,
  callStartGameSessionPlacement,
  callStartMatchmaking,
  callStopGameSessionPlacement,
  callStopMatchmaking,
  gameLiftPort,
  toAttributeValue,
} from "./calls.js";
export { GameLiftGateway, type GameLiftGatewayOptions } from "./GameLiftGateway.js";
export { mapGameLiftError } from "./mapGameLiftError.js";
export { GameLiftReconcileObserver, toObservedPlacement, toObservedTicket } from "./reconcileObserver.js";
