/**
 * The one place the matchmaking engine talks to the FlexMatch rule engine (`engines/flexmatch`):
 * rule-set parsing, the pool → proposals call, and the rule-set facts matchmaking needs.
 */
import type { EmulatorContext } from "../context.js";
import { findMatches, parseRuleSet, playerAttributesWithDefaults, validateRuleSet } from "../flexmatch/index.js";
import { slotTeams } from "../flexmatch/match/compile.js";
import type { AttributeValue, PoolTicket, ProposedMatch, RuleSet } from "../flexmatch/types.js";
import { collections } from "../state/collections.js";
import type { ConfigurationRecord, PlayerRecord, RuleMetric, RuleSetRecord, TicketRecord } from "../state/records.js";

export type { ProposedMatch, RuleSet };

/** Finds matches in a pool; swappable so engine tests can pin proposals. */
export type Matcher = (ruleSet: RuleSet, pool: PoolTicket[], now: number) => ProposedMatch[];

/** The FlexMatch engine's matcher. */
export const flexMatcher: Matcher = (ruleSet, pool, now) => findMatches(ruleSet, pool, now);

/** What is wrong with a RuleSetBody (empty when it is valid), each problem naming its field. */
export function ruleSetIssues(body: string): { path: string; message: string }[] {
  return validateRuleSet(body).errors;
}

/**
 * Parsed rule sets by stored record. Rule sets are immutable in GameLift, so a record's body never
 * changes; parsing once per record instead of once per match and per ended ticket keeps parsing
 * off the matchmaking hot path. Keyed weakly: a deleted (or reloaded) record drops its entry.
 */
const parsedRuleSets = new WeakMap<RuleSetRecord, RuleSet>();

/** The parsed rule set of a stored rule set name, or `undefined` when it is gone. */
export function ruleSetNamed(ctx: EmulatorContext, name: string): RuleSet | undefined {
  const record = collections(ctx.store).matchmakingRuleSets.get(name);
  if (!record) return undefined;
  let ruleSet = parsedRuleSets.get(record);
  if (!ruleSet) {
    ruleSet = parseRuleSet(record.RuleSetBody);
    parsedRuleSets.set(record, ruleSet);
  }
  return ruleSet;
}

/** Zero pass/fail counts for each rule (what GameLift reports on TimedOut/Cancelled). */
export function zeroMetrics(ctx: EmulatorContext, ruleSetName: string): RuleMetric[] {
  const ruleSet = ruleSetNamed(ctx, ruleSetName);
  return (ruleSet?.rules ?? []).map((r) => ({ ruleName: r.name, passedCount: 0, failedCount: 0 }));
}

/** Σ maxPlayers over the rule set's teams (quantity clones counted): the match's player capacity. */
export function maxPlayersOf(ruleSet: RuleSet): number {
  return ruleSet.teams.reduce((n, t) => n + t.maxPlayers * t.quantity, 0);
}

/**
 * The rule set FlexMatch fills WITH_QUEUE matches by: AdditionalPlayerCount slots are kept open
 * ("a single 12-person team with 2 additional players selects only 10"), so team maxPlayers are
 * lowered round-robin over the declared teams (each step frees `quantity` slots), never below
 * minPlayers. The game session still holds the full Σ maxPlayers. STANDALONE ignores the count.
 */
export function fillRuleSet(
  ruleSet: RuleSet,
  config: Pick<ConfigurationRecord, "AdditionalPlayerCount" | "FlexMatchMode">,
): RuleSet {
  let open = config.FlexMatchMode === "WITH_QUEUE" ? config.AdditionalPlayerCount : 0;
  if (open <= 0) return ruleSet;
  const teams = ruleSet.teams.map((t) => ({ ...t }));
  let progress = true;
  while (open > 0 && progress) {
    progress = false;
    for (const t of teams) {
      if (open <= 0) break;
      if (t.maxPlayers - 1 < Math.max(t.minPlayers, 1)) continue;
      t.maxPlayers -= 1;
      open -= t.quantity;
      progress = true;
    }
  }
  return { ...ruleSet, teams };
}

/** The match's concrete team names (`quantity` clones numbered `Name1`, `Name2`, ..., as the rule engine names them). */
export function teamNamesOf(ruleSet: RuleSet): string[] {
  return slotTeams(ruleSet).map((t) => t.name);
}

/** A ticket as the rule engine sees it. */
export function poolTicketOf(ticket: TicketRecord): PoolTicket {
  const pool: PoolTicket = {
    ticketId: ticket.ticketId,
    startTime: ticket.startTime,
    players: ticket.players.map((p) => {
      const player: PoolTicket["players"][number] = { playerId: p.PlayerId, attributes: { ...p.PlayerAttributes } };
      if (p.LatencyInMs) player.latencyInMs = { ...p.LatencyInMs };
      if (ticket.backfill && p.Team !== undefined) player.team = p.Team;
      return player;
    }),
  };
  if (ticket.backfill) {
    pool.backfill =
      ticket.backfill.gameSessionArn !== undefined ? { gameSessionArn: ticket.backfill.gameSessionArn } : {};
  }
  return pool;
}

const attributeTypes = { S: "STRING", N: "DOUBLE", SL: "STRING_LIST", SDM: "STRING_DOUBLE_MAP" } as const;

/** MatchmakerData's `attributes` for a player: declared attributes only, defaults filled in. */
export function matchmakerAttributes(
  ruleSet: RuleSet,
  player: PlayerRecord,
): Record<string, { attributeType: string; valueAttribute: unknown }> {
  const values: Record<string, AttributeValue> = playerAttributesWithDefaults(ruleSet, player.PlayerAttributes) ?? {};
  const out: Record<string, { attributeType: string; valueAttribute: unknown }> = {};
  for (const def of ruleSet.playerAttributes) {
    const value = values[def.name];
    if (!value) continue;
    for (const key of ["S", "N", "SL", "SDM"] as const) {
      if (value[key] !== undefined) {
        out[def.name] = { attributeType: attributeTypes[key], valueAttribute: value[key] };
        break;
      }
    }
  }
  return out;
}
