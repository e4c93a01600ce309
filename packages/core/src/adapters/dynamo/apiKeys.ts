/** Primary keys of the items the player API owns in the single table. */

/** A player's profile item. */
export function playerKey(playerId: string): { pk: string; sk: string } {
  return { pk: `PLAYER#${playerId}`, sk: "PROFILE" };
}

/** A party item. */
export function partyKey(partyId: string): { pk: string; sk: string } {
  return { pk: `PARTY#${partyId}`, sk: "PARTY" };
}

/** The item reserving a party join code. */
export function partyCodeKey(code: string): { pk: string; sk: string } {
  return { pk: `PARTYCODE#${code}`, sk: "PARTYCODE" };
}

/** An idempotency record of one player's key. */
export function idempotencyKey(playerId: string, key: string): { pk: string; sk: string } {
  return { pk: `IDEMP#${playerId}#${key}`, sk: "IDEMP" };
}

/** A per-player rate-limit window counter. */
export function rateKey(playerId: string, bucket: string, windowStart: number): { pk: string; sk: string } {
  return { pk: `RATE#${playerId}#${bucket}`, sk: `W#${windowStart}` };
}

/** True for a failed transaction whose reasons include a conditional-check failure or a conflict. */
export function isTransactionConflict(err: unknown): boolean {
  return (
    err instanceof Error && (err.name === "TransactionCanceledException" || err.name === "TransactionConflictException")
  );
}
