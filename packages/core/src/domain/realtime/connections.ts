import type { ConnectionLimits, PlayerConnection } from "./types.js";

/** API Gateway's 2-hour connection limit and a TTL well past the clients' 4-minute pings. */
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  maxConnectionMs: 2 * 60 * 60 * 1000,
  idleTtlMs: 30 * 60 * 1000,
};

/**
 * When a connection record may be dropped (epoch seconds): at the connection's end of life, or
 * `idleTtlMs` after the client was last heard, whichever is first.
 * @example connectionExpiry(0, 0) // 1800 (30 minutes)
 */
export function connectionExpiry(
  connectedAt: number,
  lastSeenAt: number,
  limits: ConnectionLimits = DEFAULT_CONNECTION_LIMITS,
): number {
  return Math.ceil(Math.min(connectedAt + limits.maxConnectionMs, lastSeenAt + limits.idleTtlMs) / 1000);
}

/** True while a record may still stand for an open connection (DynamoDB's TTL deletes lazily). */
export function isLive(connection: Pick<PlayerConnection, "expiresAt">, now: number): boolean {
  return connection.expiresAt * 1000 > now;
}
