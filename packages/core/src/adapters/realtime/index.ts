export { ConnectionNotifier, type ConnectionNotifierOptions, type PostOutcome } from "./ConnectionNotifier.js";
export { MatchEventPublisher, type MatchEventPublisherOptions } from "./MatchEventPublisher.js";
