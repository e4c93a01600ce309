/** Turns pool tickets into entries the matcher works on, dropping tickets that can never match. */
import { withDefaults } from "../attributes.js";
import { attributeValue, playerValue } from "../expressions/evaluate.js";
import type { EvalPlayer, EvalTicket, PlayerValue } from "../expressions/context.js";
import { levelOf } from "../expansions.js";
import { partyLatency } from "../rules/latency.js";
import type { AttributeValue, PoolTicket } from "../types.js";
import type { Compiled } from "./compile.js";

/** A matchable ticket; it is also the {@link EvalTicket} its players point to (one object, less GC). */
export interface Entry extends EvalTicket {
  /** Position in age order (0 = oldest). */
  order: number;
  ticket: PoolTicket;
  size: number;
  ageSeconds: number;
  level: number;
  /** Backfill: the team of each player (same order as `players`). */
  fixedTeams: string[] | undefined;
  /** Locations acceptable for the whole ticket; undefined = unconstrained (no latency rules). */
  locations: Set<string> | undefined;
  /** Position in the PoolIndex holding this entry (-1 = none or matched); set by the index. */
  slot: number;
  /** Primary sort key (see {@link primaryKeyAttribute}); NaN when none. */
  key: number;
  /** Partition of string batch attributes; only equal partitions can match. */
  partition: string;
}

/**
 * Sorted positions `0..n-1` by (key, tie, position) — the order of a comparator sort, without one
 * when it can: integral keys spanning at most 8n values (n ≥ 64) are counting-sorted; wider ones
 * spanning less than 2^53 / n are packed with their position into one double
 * (`(key − min) × n + position`, exact) for a native numeric sort; runs of equal keys are then
 * ordered by `tie`. Otherwise a comparator sort.
 */
export function sortPositions(keys: Float64Array, tie?: Float64Array): Uint32Array {
  const n = keys.length;
  const out = new Uint32Array(n);
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const k = keys[i] as number;
    if (!Number.isInteger(k)) integral = false;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (!integral || (max - min + 1) * n >= Number.MAX_SAFE_INTEGER) {
    for (let i = 0; i < n; i++) out[i] = i;
    return out.sort(
      (x, y) =>
        (keys[x] as number) - (keys[y] as number) || (tie ? (tie[x] as number) - (tie[y] as number) : 0) || x - y,
    );
  }
  const span = max - min + 1;
  if (n >= 64 && span <= 8 * n) {
    // A narrow span (skills, ages in ms of a busy pool): a counting sort, stable, so equal keys
    // keep position order — the packed order, in O(n + span).
    const starts = new Uint32Array(span + 1);
    for (let i = 0; i < n; i++) {
      const b = (keys[i] as number) - min + 1;
      starts[b] = (starts[b] as number) + 1;
    }
    for (let b = 1; b <= span; b++) starts[b] = (starts[b] as number) + (starts[b - 1] as number);
    for (let i = 0; i < n; i++) {
      const b = (keys[i] as number) - min;
      const at = starts[b] as number;
      starts[b] = at + 1;
      out[at] = i;
    }
  } else {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = ((keys[i] as number) - min) * n + i;
    packed.sort();
    for (let k = 0; k < n; k++) out[k] = (packed[k] as number) % n;
  }
  if (tie) {
    for (let a = 0; a < n; ) {
      const key = keys[out[a] as number] as number;
      let b = a + 1;
      while (b < n && keys[out[b] as number] === key) b++;
      if (b - a > 32) out.subarray(a, b).sort((x, y) => (tie[x] as number) - (tie[y] as number) || x - y);
      else if (b - a > 1) {
        // A short run (the usual case): an insertion sort in place, by (tie, position).
        for (let i = a + 1; i < b; i++) {
          const x = out[i] as number;
          const tx = tie[x] as number;
          let j = i - 1;
          for (; j >= a; j--) {
            const y = out[j] as number;
            const ty = tie[y] as number;
            if (ty < tx || (ty === tx && y < x)) break;
            out[j + 1] = y;
          }
          out[j + 1] = x;
        }
      }
      a = b;
    }
  }
  return out;
}

/*
 * Entries and their players are built by constructors, not object literals. V8 tracks each
 * literal's allocation site; the objects of one call live for the whole call, so they survive a
 * scavenge, and V8 then pretenures the site: later calls allocate every entry in old space, behind
 * write barriers, about 3× slower (the 10k 1v1 bench went between 6 and 30 ms a call by that alone).
 * A constructor's objects carry no allocation site and always start young.
 */

/** A player of an {@link Entry}, pointing back to it. */
class PreparedPlayer implements EvalPlayer {
  public readonly kind = "player" as const;
  public constructor(
    public readonly playerId: string,
    public readonly ticket: Entry,
    public readonly attributes: Readonly<Record<string, AttributeValue>>,
    public readonly latencyInMs: Readonly<Record<string, number>> | undefined,
  ) {}
}

/** An {@link Entry}: every field set in the constructor, optional ones included, so that all entries share one shape. */
class PreparedEntry implements Entry {
  public readonly ticketId: string;
  public readonly players: EvalPlayer[];
  public order = -1;
  public fixedTeams: string[] | undefined = undefined;
  public locations: Set<string> | undefined = undefined;
  public cache: Map<string, PlayerValue> | undefined = undefined;
  // 0, set by prepare: an integral key then stays a small integer in the object (a NaN start
  // would give every entry's key field a boxed double of its own).
  public key = 0;
  public slot = -1;
  public partition = "";
  public constructor(
    public readonly ticket: PoolTicket,
    public readonly size: number,
    public readonly ageSeconds: number,
    public readonly level: number,
  ) {
    this.ticketId = ticket.ticketId;
    // Allocated at its final size (a push-grown array reserves 17 slots).
    this.players = new Array<EvalPlayer>(size);
  }
}

/** Pool positions in age order; same-age tickets in the order of the injected random source (batchingPreference "random"). */
const ageOrder = (pool: readonly PoolTicket[], random: () => number): Uint32Array => {
  const n = pool.length;
  const start = new Float64Array(n);
  const jitter = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    start[i] = (pool[i] as PoolTicket).startTime;
    jitter[i] = random();
  }
  return sortPositions(start, jitter);
};

/** Prepares and age-sorts the pool. Tickets that can never match under any expansion are dropped. */
export function prepare(pool: readonly PoolTicket[], compiled: Compiled, now: number, random: () => number): Entry[] {
  const base = compiled.levels[0];
  const loosest = compiled.levels[compiled.levels.length - 1];
  if (!base || !loosest) return [];
  const ruleSet = base.ruleSet;
  const keyAttr = base.keyAttribute;
  const stringBatch = base.batch.filter(
    (r) => ruleSet.playerAttributes.find((a) => a.name === r.batchAttribute)?.type === "string",
  );
  const teamNames = new Set(base.teams.map((t) => t.name));
  const maxTeam = Math.max(...compiled.levels.flatMap((l) => l.teams.map((t) => t.maxPlayers)));
  const keyAgg = base.keyAggregation;
  // Tickets are read in pool order (their memory order, usually): reading them in age order
  // would visit a random pool object at each step. Entries are then ranked by age.
  const entryOf = (ticket: PoolTicket): Entry | undefined => {
    const isBackfill = ticket.backfill !== undefined || ticket.players[0]?.team !== undefined;
    // A new ticket's party shares one team; a backfill ticket's players are spread over teams already.
    if (ticket.players.length === 0 || (!isBackfill && ticket.players.length > maxTeam)) return undefined;
    const ageSeconds = Math.max(0, (now - ticket.startTime) / 1000);
    const size = ticket.players.length;
    const entry: Entry = new PreparedEntry(ticket, size, ageSeconds, levelOf(compiled.thresholds, ageSeconds));
    let ok = true;
    for (let k = 0; k < size; k++) {
      const p = ticket.players[k] as PoolTicket["players"][number];
      const attributes = withDefaults(ruleSet, p.attributes, true);
      if (!attributes) {
        ok = false;
        break;
      }
      entry.players[k] = new PreparedPlayer(p.playerId, entry, attributes, p.latencyInMs);
    }
    if (!ok) return undefined;
    if (isBackfill) {
      const teams = ticket.players.map((p) => p.team ?? "");
      if (teams.some((t) => !teamNames.has(t))) return undefined;
      entry.fixedTeams = teams;
    }
    const first = entry.players[0];
    if (keyAttr && first) {
      const v = playerValue(first, keyAttr, keyAgg);
      entry.key = typeof v === "number" ? v : NaN;
    } else entry.key = NaN;
    if (first && stringBatch.length > 0) {
      // String batchDistance: every player of a match holds the same value, so a party whose
      // members differ can never match (strings are never party-aggregated).
      const partitionOf = (p: EvalPlayer): string =>
        stringBatch.map((r) => String(attributeValue(p.attributes[r.batchAttribute]))).join("\u0000");
      entry.partition = partitionOf(first);
      if (entry.players.some((p) => partitionOf(p) !== entry.partition)) return undefined;
    }
    if (loosest.latency.length > 0) {
      // A location is usable when every (party-aggregated) latency meets the loosest maxLatency.
      const locs = new Set<string>();
      const reported = Object.keys(first?.latencyInMs ?? {});
      for (const loc of reported) {
        const fits = loosest.latency.every((r) =>
          entry.players.every((p) => {
            const l = partyLatency(p, loc, r.partyAggregation);
            return l !== undefined && (r.maxLatency === undefined || l <= r.maxLatency);
          }),
        );
        if (fits) locs.add(loc);
      }
      if (locs.size === 0) return undefined;
      entry.locations = locs;
    }
    return entry;
  };
  const n = pool.length;
  const built = new Array<Entry | undefined>(n);
  for (let at = 0; at < n; at++) built[at] = entryOf(pool[at] as PoolTicket);
  const order = ageOrder(pool, random);
  let kept = 0;
  for (let at = 0; at < n; at++) if (built[at] !== undefined) kept++;
  const out = new Array<Entry>(kept);
  let next = 0;
  for (let k = 0; k < n; k++) {
    const entry = built[order[k] as number];
    if (entry === undefined) continue;
    entry.order = next;
    out[next++] = entry;
  }
  return out;
}
