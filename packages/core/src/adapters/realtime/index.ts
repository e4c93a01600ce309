export { ConnectionNotifier, type ConnectionNotifierOptions } from "./ConnectionNotifier.js";
export { MatchEventPublisher, type MatchEventPublisherOptions } from "./MatchEventPublisher.js";
