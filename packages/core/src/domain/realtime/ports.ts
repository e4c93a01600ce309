/**
 * The ports of the realtime channel, declared once: connection records (DynamoDB
 * `ConnectionRepository`), posting to connections (`ConnectionNotifier`, API Gateway's
 * `@connections`) and outbound match events (`MatchEventPublisher`, SNS). Adapters say `implements`.
 */
import type { OutboundMatchEvent, PlayerConnection } from "./types.js";

/** The connection records of players' open WebSockets. */
export interface ConnectionPort {
  /** Records a new connection at `now`. */
  add(playerId: string, connectionId: string, now: number): Promise<PlayerConnection>;
  /** Refreshes a connection's TTL on client activity at `now`. */
  touch(playerId: string, connectionId: string, connectedAt: number, now: number): Promise<void>;
  remove(playerId: string, connectionId: string): Promise<void>;
  /** The player's connections still live at `now`. */
  listForPlayer(playerId: string, now: number): Promise<PlayerConnection[]>;
}

/** What a post achieved: delivered, or the connection is gone (its record should be removed). */
export type PostOutcome = "sent" | "gone";

/** Posts JSON messages to connections and closes them. */
export interface ConnectionNotifierPort {
  post(connectionId: string, message: unknown): Promise<PostOutcome>;
  /** Closes a connection; one already gone is fine. */
  close(connectionId: string): Promise<void>;
}

/** Publishes outbound match events (one message per transition). */
export interface MatchEventPublisherPort {
  /** Returns the message id the topic gave, when it gave one. */
  publish(out: OutboundMatchEvent): Promise<string | undefined>;
}
