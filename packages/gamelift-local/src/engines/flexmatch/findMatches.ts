/** The pool → proposals entry point. */
import { compile, primaryKeyAttribute } from "./match/compile.js";
import { matchExhaustive } from "./match/exhaustive.js";
import { matchLarge } from "./match/large.js";
import { prepare } from "./match/prepare.js";
import { propose } from "./match/propose.js";
import { LARGE_MATCH_THRESHOLD } from "./parse/ruleSet.js";
import { seededRandom } from "./random.js";
import type { FindMatchesOptions, PoolTicket, ProposedMatch, RuleSet } from "./types.js";

/**
 * Finds matches in a pool at time `now` (epoch ms). Every ticket appears in at most one
 * proposal; a ticket's players share a team; every team holds between its minPlayers and
 * maxPlayers after the expansions in force; every deciding rule holds. Older tickets are
 * served first. Large rule sets (Σ maxPlayers > 40, strategy `balanced`) use the batching
 * algorithm in `match/large.ts`; smaller ones are searched exhaustively whatever their strategy.
 * @example
 * const matches = findMatches(parseRuleSet(body), pool, clock.now(), { random: seededRandom(1) });
 */
export function findMatches(
  ruleSet: RuleSet,
  pool: readonly PoolTicket[],
  now: number,
  options: FindMatchesOptions = {},
): ProposedMatch[] {
  const random = options.random ?? seededRandom(0x5eed);
  const maxMatches = options.maxMatches ?? Infinity;
  const compiled = compile(ruleSet);
  const entries = prepare(pool, compiled, now, random);
  const out: ProposedMatch[] = [];
  // The balanced (large-match) algorithm applies to large matches only; a balanced rule set of 40
  // players or fewer is searched exhaustively, every rule deciding, its balancedAttribute ordering candidates.
  const large = ruleSet.teams.reduce((s, t) => s + t.maxPlayers * t.quantity, 0) > LARGE_MATCH_THRESHOLD;
  if (ruleSet.algorithm.strategy === "balanced" && large) {
    matchLarge(compiled, entries, maxMatches, (m) =>
      out.push(propose(ruleSet, m.match, [m.entries], m.locations, m.metrics)),
    );
  } else {
    matchExhaustive(compiled, entries, primaryKeyAttribute(ruleSet), maxMatches, (m) =>
      out.push(propose(ruleSet, m.draft, m.draft.members, m.verdict.locations, m.metrics)),
    );
  }
  return out;
}
