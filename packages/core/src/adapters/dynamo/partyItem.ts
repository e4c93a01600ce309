import type { Party } from "../../domain/party/types.js";

/*
 * A party item's mapping, apart from {@link PartyRepository} so that code reading stream images
 * (the realtime dispatcher) does not bundle the repository.
 */

const INTERNAL = new Set(["pk", "sk"]);

/** Maps a stored party item back to a {@link Party}. */
export function partyFromItem(item: Record<string, unknown>): Party {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!INTERNAL.has(k)) out[k] = v;
  return out as unknown as Party;
}
