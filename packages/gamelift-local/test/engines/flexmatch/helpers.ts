/** Pool and rule-set builders shared by the FlexMatch tests. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseRuleSet } from "../../../src/engines/flexmatch/index.js";
import type { AttributeValue, PoolTicket, RuleSet } from "../../../src/engines/flexmatch/index.js";

export const NOW = Date.parse("2026-01-01T00:10:00.000Z");

/** The default local rule set (infra/gamelift/rulesets/arena-2v2.json). */
export const arenaBody = (): string =>
  readFileSync(
    fileURLToPath(new URL("../../../../../infra/gamelift/rulesets/arena-2v2.json", import.meta.url)),
    "utf8",
  );

/** A rule set from a partial body (ruleLanguageVersion filled in). */
export const ruleSet = (body: Record<string, unknown>): RuleSet =>
  parseRuleSet(JSON.stringify({ ruleLanguageVersion: "1.0", ...body }));

/** Shorthand attribute maps: numbers → N, strings → S, string arrays → SL, objects → SDM. */
export const attrs = (
  a: Record<string, number | string | string[] | Record<string, number>>,
): Record<string, AttributeValue> =>
  Object.fromEntries(
    Object.entries(a).map(([k, v]) => [
      k,
      typeof v === "number" ? { N: v } : typeof v === "string" ? { S: v } : Array.isArray(v) ? { SL: v } : { SDM: v },
    ]),
  );

/** A one-player ticket aged `ageSeconds` at {@link NOW}. */
export const solo = (
  id: string,
  a: Record<string, number | string | string[] | Record<string, number>>,
  ageSeconds = 0,
  latencyInMs?: Record<string, number>,
): PoolTicket => ({
  ticketId: id,
  startTime: NOW - ageSeconds * 1000,
  players: [{ playerId: `${id}-p`, attributes: attrs(a), ...(latencyInMs ? { latencyInMs } : {}) }],
});

/** A party ticket: one player per attribute map. */
export const party = (
  id: string,
  members: Record<string, number | string | string[] | Record<string, number>>[],
  ageSeconds = 0,
): PoolTicket => ({
  ticketId: id,
  startTime: NOW - ageSeconds * 1000,
  players: members.map((m, i) => ({ playerId: `${id}-p${i}`, attributes: attrs(m) })),
});

/** Team name → sorted ticket ids of a proposal. */
export const teamTickets = (m: {
  teams: { name: string; players: { ticketId: string }[] }[];
}): Record<string, string[]> =>
  Object.fromEntries(m.teams.map((t) => [t.name, [...new Set(t.players.map((p) => p.ticketId))].sort()]));
