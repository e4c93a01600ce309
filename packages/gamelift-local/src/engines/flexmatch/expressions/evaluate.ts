/** Evaluation of property expressions against a (possibly partial) match. */
import type { AttributeValue } from "../types.js";
import type { Expression } from "./ast.js";
import type { EvalPlayer, EvalTeam, MatchView, PartyAggregation, PlayerValue, Value } from "./context.js";
import { applyFunction } from "./functions.js";

/** The raw value of one attribute, in expression form. */
export function attributeValue(v: AttributeValue | undefined): PlayerValue {
  if (!v) return undefined;
  if (v.N !== undefined) return v.N;
  if (v.S !== undefined) return v.S;
  if (v.SL !== undefined) return v.SL;
  if (v.SDM !== undefined) return { kind: "map", map: v.SDM };
  return undefined;
}

const aggregateNumbers = (xs: number[], agg: PartyAggregation): number => {
  if (agg === "min") return Math.min(...xs);
  if (agg === "max") return Math.max(...xs);
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
};

const aggregateLists = (lists: string[][], agg: PartyAggregation): string[] => {
  if (agg === "intersection") {
    let acc = new Set(lists[0] ?? []);
    for (const l of lists.slice(1)) {
      const here = new Set(l);
      acc = new Set([...acc].filter((x) => here.has(x)));
    }
    return [...acc];
  }
  return [...new Set(lists.flat())];
};

/**
 * A player's value of `attribute` after party aggregation: for a multi-player ticket the party's
 * min/max/avg (numbers) or union/intersection (string lists) stands in for every member.
 * Strings and maps are never aggregated.
 */
export function playerValue(player: EvalPlayer, attribute: string, agg: PartyAggregation): PlayerValue {
  const own = attributeValue(player.attributes[attribute]);
  const party = player.ticket.players;
  if (
    party.length <= 1 ||
    own === undefined ||
    typeof own === "string" ||
    (typeof own === "object" && !Array.isArray(own))
  ) {
    return own;
  }
  const key = `${attribute}\u0000${agg}`;
  const cache = (player.ticket.cache ??= new Map());
  if (cache.has(key)) return cache.get(key);
  let out: PlayerValue;
  if (typeof own === "number") {
    const xs = party
      .map((p) => attributeValue(p.attributes[attribute]))
      .filter((x): x is number => typeof x === "number");
    out = agg === "union" || agg === "intersection" ? own : aggregateNumbers(xs, agg);
  } else {
    const ls = party.map((p) => attributeValue(p.attributes[attribute])).filter((x): x is string[] => Array.isArray(x));
    out = agg === "union" || agg === "intersection" ? aggregateLists(ls, agg) : aggregateLists(ls, "union");
  }
  cache.set(key, out);
  return out;
}

/** Teams selected by a `teams[...]` selector: exact names, or a declared name selecting all its clones. */
function selectTeams(match: MatchView, names: "*" | string[]): EvalTeam[] {
  if (names === "*") return [...match.teams];
  const out: EvalTeam[] = [];
  for (const n of names) {
    const exact = match.teams.find((t) => t.name === n);
    if (exact) out.push(exact);
    else for (const t of match.teams) if (t.base === n) out.push(t);
  }
  return out;
}

const teamValue = (team: EvalTeam, expr: Extract<Expression, { kind: "path" }>, agg: PartyAggregation): Value => {
  const tail = expr.tail;
  switch (tail.kind) {
    case "team":
    case "players":
      return team.players;
    case "playerIds":
      return team.players.map((p) => p.playerId);
    case "attribute": {
      const out: Value[] = [];
      for (const p of team.players) {
        const v = playerValue(p, tail.attribute, agg);
        if (v !== undefined) out.push(v);
      }
      return out;
    }
  }
};

/**
 * Evaluates an expression. `teams[a]` yields one team's value; `teams[*]` and `teams[a,b]` yield one
 * value per team (a list of lists). Empty aggregates evaluate to `NaN`, which rules treat as
 * "not measurable yet" on a partial match.
 */
export function evaluate(expr: Expression, match: MatchView, agg: PartyAggregation): Value {
  switch (expr.kind) {
    case "number":
    case "string":
      return expr.value;
    case "call":
      return applyFunction(expr.fn, evaluate(expr.arg, match, agg));
    case "path": {
      const teams = selectTeams(match, expr.teams);
      if (expr.single && teams.length === 1 && teams[0]) return teamValue(teams[0], expr, agg);
      return teams.map((t) => teamValue(t, expr, agg));
    }
  }
}

/** All finite numbers in a value, depth-first. */
export function collectNumbers(v: Value, out: number[] = []): number[] {
  if (typeof v === "number") {
    if (!Number.isNaN(v)) out.push(v);
  } else if (Array.isArray(v)) for (const x of v) collectNumbers(x, out);
  return out;
}
