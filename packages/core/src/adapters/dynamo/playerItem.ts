import type { Player } from "../../domain/player/types.js";

/*
 * A profile item's mapping, apart from {@link PlayerRepository} so that a read-only handler
 * (`./ItemReader.ts`) does not bundle the repository.
 */

const INTERNAL = new Set(["pk", "sk"]);

/** Maps a stored profile item back to a {@link Player}. */
export function playerFromItem(item: Record<string, unknown>): Player {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!INTERNAL.has(k)) out[k] = v;
  // A string set comes back from the document client as a Set.
  const slots = item["activePlacements"];
  if (slots instanceof Set) out["activePlacements"] = [...(slots as Set<string>)].sort();
  return out as unknown as Player;
}
