/**
 * An independent checker of proposed matches, written apart from the engine: it reads the raw
 * rule-set JSON and recomputes every rule directly from the pool, so a bug in the matcher's
 * evaluator cannot hide itself. Used by the property test. It covers the rule family that test
 * generates: distance, comparison, batchDistance, collection, latency (maxLatency) and compound.
 */
import type { AttributeValue, PoolTicket, ProposedMatch } from "../../../src/engines/flexmatch/index.js";

/** The raw rule-set JSON of the generated family. */
export interface RawRuleSet {
  playerAttributes: { name: string; type: string; default?: unknown }[];
  algorithm?: { expansionAgeSelection?: "newest" | "oldest" };
  teams: { name: string; minPlayers: number; maxPlayers: number; quantity?: number }[];
  rules: Record<string, unknown>[];
  expansions?: { target: string; steps: { waitTimeSeconds: number; value: unknown }[] }[];
}

type Scalar = number | string;
type Val = Scalar | string[] | Val[];

interface Seat {
  playerId: string;
  ticket: PoolTicket;
  attrs: Record<string, Scalar | string[]>;
  latency: Record<string, number>;
}

const raw = (a: AttributeValue | undefined): Scalar | string[] | undefined => a?.N ?? a?.S ?? a?.SL;

/** Value of attribute `name` for a seat's player, replaced by the party's avg (numbers) or union (lists). */
const partyValue = (seat: Seat, name: string, seats: Seat[]): Scalar | string[] | undefined => {
  const own = seat.attrs[name];
  const mates = seats.filter((s) => s.ticket === seat.ticket);
  if (typeof own === "number") return mates.reduce((s, m) => s + Number(m.attrs[name]), 0) / mates.length;
  if (Array.isArray(own)) return [...new Set(mates.flatMap((m) => m.attrs[name] as string[]))];
  return own;
};

const isList = (v: Val): v is Val[] => Array.isArray(v);
const nums = (v: Val[]): number[] => v.filter((x): x is number => typeof x === "number");

const apply = (fn: string, value: Val): Val => {
  if (!isList(value)) return apply(fn, [value]);
  const v: Val[] = value;
  if (fn === "flatten") return v.flatMap((x) => (isList(x) ? x : [x]));
  if (fn === "set_intersection") {
    const lists = v.filter((x): x is Val[] => Array.isArray(x)).map((l) => l.map(String));
    return (lists[0] ?? []).filter((x) => lists.every((l) => l.includes(x)));
  }
  if (v.length > 0 && v.every(isList)) return v.map((x) => apply(fn, x));
  const xs = nums(v);
  switch (fn) {
    case "count":
      return v.length;
    case "sum":
      return xs.reduce((a, b) => a + b, 0);
    case "avg":
      return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
    case "min":
      return xs.length ? Math.min(...xs) : NaN;
    case "max":
      return xs.length ? Math.max(...xs) : NaN;
  }
  throw new Error(`oracle: unsupported function ${fn}`);
};

/** Evaluates the expressions of the generated family. */
const evalExpr = (text: string, teams: Map<string, Seat[]>, all: Seat[]): Val => {
  const call = /^(\w+)\((.*)\)$/.exec(text.trim());
  if (call) return apply(call[1] ?? "", evalExpr(call[2] ?? "", teams, all));
  const path = /^teams\[([^\]]+)\]\.players(?:\.attributes\[([^\]]+)\]|\[(playerId)\])?$/.exec(text.trim());
  if (!path) throw new Error(`oracle: unsupported expression ${text}`);
  const names = path[1] === "*" ? [...teams.keys()] : (path[1] ?? "").split(",");
  const per = names.map((n) =>
    (teams.get(n) ?? []).map(
      (s): Val => (path[2] ? (partyValue(s, path[2], all) as Val) : path[3] ? s.playerId : s.ticket.ticketId),
    ),
  );
  return names.length === 1 && path[1] !== "*" ? (per[0] ?? []) : per;
};

const leaves = (v: Val): Scalar[] =>
  isList(v) ? v.flatMap(leaves) : typeof v === "number" && Number.isNaN(v) ? [] : [v as Scalar];
const stringLists = (v: Val): string[][] =>
  isList(v) && v.every((x) => typeof x === "string") ? [v as string[]] : isList(v) ? v.flatMap(stringLists) : [];

const ref = (r: Record<string, unknown>, teams: Map<string, Seat[]>, all: Seat[]): Val | undefined => {
  const v = r["referenceValue"];
  if (v === undefined) return undefined;
  if (typeof v === "string" && /[([]/.test(v)) return evalExpr(v, teams, all);
  return v as Val;
};

const compare = (a: Scalar, op: string, b: Scalar): boolean =>
  op === "="
    ? a === b
    : op === "!="
      ? a !== b
      : op === "<"
        ? a < b
        : op === "<="
          ? a <= b
          : op === ">"
            ? a > b
            : a >= b;

/** Whether one rule holds for a finished match. */
const holds = (
  r: Record<string, unknown>,
  rules: Record<string, unknown>[],
  teams: Map<string, Seat[]>,
  all: Seat[],
): boolean => {
  const measured = (
    (typeof r["measurements"] === "string" ? [r["measurements"]] : (r["measurements"] as string[] | undefined)) ?? []
  ).map((m) => evalExpr(m, teams, all));
  switch (r["type"]) {
    case "distance": {
      const values = measured.flatMap(leaves) as number[];
      const reference = leaves(ref(r, teams, all) ?? [])[0] as number;
      return values.every(
        (v) =>
          Math.abs(v - reference) <= Number(r["maxDistance"] ?? Infinity) + 1e-9 &&
          Math.abs(v - reference) >= Number(r["minDistance"] ?? 0) - 1e-9,
      );
    }
    case "comparison": {
      const values = measured.flatMap(leaves);
      const reference = ref(r, teams, all);
      if (reference === undefined)
        return r["operation"] === "=" ? new Set(values).size <= 1 : new Set(values).size === values.length;
      const target = leaves(reference)[0] as Scalar;
      return values.every((v) => compare(v, String(r["operation"]), target));
    }
    case "batchDistance": {
      const values = all.map((s) => partyValue(s, String(r["batchAttribute"]), all));
      if (values.every((v) => typeof v === "number"))
        return Math.max(...(values as number[])) - Math.min(...(values as number[])) <= Number(r["maxDistance"]);
      return new Set(values).size <= 1;
    }
    case "collection": {
      const lists = measured.flatMap(stringLists);
      const inRange = (n: number) => n >= Number(r["minCount"] ?? 0) && n <= Number(r["maxCount"] ?? Infinity);
      if (r["operation"] === "intersection")
        return inRange((lists[0] ?? []).filter((x) => lists.every((l) => l.includes(x))).length);
      if (r["operation"] === "contains")
        return inRange(lists.filter((l) => l.includes(String(r["referenceValue"]))).length);
      const reference = leaves(ref(r, teams, all) ?? []).map(String);
      return lists.every((l) => inRange(l.filter((x) => reference.includes(x)).length));
    }
    case "latency":
      return true; // checked against the proposal's location by the caller
    case "compound": {
      const statement = String(r["statement"]);
      const named = (n: string) => holds(rules.find((x) => x["name"] === n) ?? {}, rules, teams, all);
      const m = /^(and|or|xor|not)\((.*)\)$/.exec(statement);
      const args = (m?.[2] ?? "").split(",").map((x) => x.trim());
      const results = args.map(named);
      if (m?.[1] === "and") return results.every(Boolean);
      if (m?.[1] === "or") return results.some(Boolean);
      if (m?.[1] === "not") return !results[0];
      return results.filter(Boolean).length === 1;
    }
  }
  return true;
};

/** The value an expansion gives `target` at `age`, or the base value. */
const expanded = <T>(rs: RawRuleSet, target: string, base: T, age: number): T => {
  const e = rs.expansions?.find((x) => x.target === target);
  let v = base;
  for (const s of e?.steps ?? []) if (s.waitTimeSeconds <= age) v = s.value as T;
  return v;
};

/** Every problem found with `matches` for `pool` under `rs` at `now` (empty: all good). */
export function violations(
  rs: RawRuleSet,
  pool: readonly PoolTicket[],
  matches: readonly ProposedMatch[],
  now: number,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const byId = new Map(pool.map((t) => [t.ticketId, t]));
  const teamNames = rs.teams.flatMap((t) =>
    (t.quantity ?? 1) > 1
      ? Array.from({ length: t.quantity ?? 1 }, (_, i) => ({ ...t, name: `${t.name}${i + 1}`, base: t.name }))
      : [{ ...t, base: t.name }],
  );
  for (const m of matches) {
    const where = `match ${m.ticketIds.join(",")}`;
    for (const id of m.ticketIds) {
      if (seen.has(id)) problems.push(`${where}: ticket ${id} is in two matches`);
      seen.add(id);
    }
    const tickets = m.ticketIds.map((id) => byId.get(id)).filter((t): t is PoolTicket => t !== undefined);
    if (tickets.filter((t) => t.backfill).length > 1) problems.push(`${where}: two backfill tickets`);
    const ages = tickets.map((t) => (now - t.startTime) / 1000);
    const age = rs.algorithm?.expansionAgeSelection === "oldest" ? Math.max(...ages) : Math.min(...ages);
    const teams = new Map<string, Seat[]>();
    const all: Seat[] = [];
    for (const team of m.teams) {
      const seats: Seat[] = [];
      for (const p of team.players) {
        const ticket = byId.get(p.ticketId);
        const player = ticket?.players.find((x) => x.playerId === p.playerId);
        if (!ticket || !player) {
          problems.push(`${where}: unknown player ${p.playerId}`);
          continue;
        }
        if (player.team !== undefined && player.team !== team.name)
          problems.push(`${where}: backfill player ${p.playerId} moved to ${team.name}`);
        const attrs: Record<string, Scalar | string[]> = {};
        for (const a of rs.playerAttributes) {
          const v = raw(player.attributes[a.name]) ?? (a.default as Scalar | string[] | undefined);
          if (v === undefined) problems.push(`${where}: ${p.playerId} lacks required ${a.name}`);
          else attrs[a.name] = v;
        }
        seats.push({ playerId: p.playerId, ticket, attrs, latency: player.latencyInMs ?? {} });
      }
      teams.set(team.name, seats);
      all.push(...seats);
    }
    for (const t of tickets) {
      const homes = m.teams.filter((team) => team.players.some((p) => p.ticketId === t.ticketId));
      const count = homes.reduce((n, team) => n + team.players.filter((p) => p.ticketId === t.ticketId).length, 0);
      if (count !== t.players.length)
        problems.push(`${where}: ticket ${t.ticketId} seated ${count} of ${t.players.length} players`);
      if (!t.backfill && homes.length !== 1)
        problems.push(`${where}: party ${t.ticketId} split over ${homes.length} teams`);
    }
    for (const def of teamNames) {
      const size = teams.get(def.name)?.length ?? 0;
      const min = expanded(rs, `teams[${def.base}].minPlayers`, def.minPlayers, age);
      const max = expanded(rs, `teams[${def.base}].maxPlayers`, def.maxPlayers, age);
      if (size < min || size > max) problems.push(`${where}: team ${def.name} has ${size}, outside [${min}, ${max}]`);
    }
    const referenced = new Set(
      rs.rules
        .filter((r) => r["type"] === "compound")
        .flatMap((r) => String(r["statement"]).match(/[A-Za-z]\w*/g) ?? []),
    );
    const effective = rs.rules.map((r) => {
      const out = { ...r };
      for (const k of ["maxDistance", "minCount", "maxLatency"])
        if (k in r) out[k] = expanded(rs, `rules[${String(r["name"])}].${k}`, r[k], age);
      return out;
    });
    for (const r of effective) {
      if (referenced.has(String(r["name"]))) continue;
      if (!holds(r, effective, teams, all)) problems.push(`${where}: rule ${String(r["name"])} fails`);
      if (r["type"] === "latency") {
        const loc = m.location;
        if (loc === undefined) problems.push(`${where}: no location despite a latency rule`);
        for (const t of tickets) {
          const ls = t.players.map((p) => p.latencyInMs?.[loc ?? ""] ?? Infinity);
          if (ls.reduce((a, b) => a + b, 0) / ls.length > Number(r["maxLatency"]))
            problems.push(`${where}: ${t.ticketId} too slow in ${loc}`);
        }
      }
    }
  }
  return problems;
}
