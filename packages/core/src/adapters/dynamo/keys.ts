/** Number of `pendingShard` values per item kind; spreads GSI writes, read back by the reconciler. */
export const PENDING_SHARDS = 4;

/** Item kinds that appear in the `pending` GSI. */
export type PendingKind = "TICKET" | "PLACEMENT";

/** Primary key of a ticket item. */
export function ticketKey(ticketId: string): { pk: string; sk: string } {
  return { pk: `TICKET#${ticketId}`, sk: "TICKET" };
}

/** Primary key of a placement item. */
export function placementKey(placementId: string): { pk: string; sk: string } {
  return { pk: `PLACEMENT#${placementId}`, sk: "PLACEMENT" };
}

/** Every `pendingShard` value of a kind, e.g. `TICKET#0`..`TICKET#3`. */
export function pendingShards(kind: PendingKind): string[] {
  return Array.from({ length: PENDING_SHARDS }, (_, i) => `${kind}#${i}`);
}

/** The `pendingShard` of one item: a stable hash of its id. */
export function pendingShardFor(kind: PendingKind, id: string): string {
  let h = 0;
  for (let i = 0; i < id.length; i += 1) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return `${kind}#${h % PENDING_SHARDS}`;
}
