/**
 * Public data shapes of the FlexMatch rule engine: pool input, proposed matches, and the parsed
 * rule set. Everything here is plain, immutable-by-convention data.
 */
import type { Expression } from "./expressions/ast.js";

/** A player attribute value, in GameLift's request shape (exactly one member is set). */
export type AttributeValue = { S?: string; N?: number; SL?: string[]; SDM?: Record<string, number> };

/** One player of a pool ticket. */
export interface PoolPlayer {
  playerId: string;
  attributes: Record<string, AttributeValue>;
  /** Location (Region) → round-trip latency in ms, as reported by the client. */
  latencyInMs?: Record<string, number>;
  /** Backfill only: the team this existing player already plays on. */
  team?: string;
}

/** A matchmaking (or backfill) ticket waiting in the pool. */
export interface PoolTicket {
  ticketId: string;
  /** Epoch ms when the ticket entered matchmaking; drives age and expansions. */
  startTime: number;
  players: PoolPlayer[];
  /** Present on backfill tickets (StartMatchBackfill). */
  backfill?: { gameSessionArn?: string };
}

/** A team of a proposed match, named as in the rule set (quantity clones are numbered). */
export interface MatchTeam {
  name: string;
  players: { playerId: string; ticketId: string }[];
}

/** A match the engine proposes; the caller decides acceptance and placement. */
export interface ProposedMatch {
  ticketIds: string[];
  teams: MatchTeam[];
  /** The latency location chosen for the match, when any player reported latencies. */
  location?: string;
  ruleEvaluationMetrics: { ruleName: string; passedCount: number; failedCount: number }[];
}

/** Options of {@link findMatches}. */
export interface FindMatchesOptions {
  /** Source of randomness in [0, 1); defaults to a fixed-seed generator (deterministic). */
  random?: () => number;
  /** Stop after this many proposals. */
  maxMatches?: number;
}

/** A declared attribute's type. */
export type AttributeType = "string" | "number" | "string_list" | "string_number_map";

/** A declared player attribute. */
export interface PlayerAttributeDefinition {
  name: string;
  type: AttributeType;
  default?: AttributeValue;
}

/** `algorithm.strategy`. */
type Strategy = "exhaustiveSearch" | "balanced";
/** `algorithm.batchingPreference` (random/sorted: exhaustiveSearch; the others: balanced). */
type BatchingPreference = "random" | "sorted" | "largestPopulation" | "fastestRegion";

/** The `algorithm` block, with documented defaults filled in. */
export interface Algorithm {
  strategy: Strategy;
  batchingPreference: BatchingPreference;
  sortByAttributes: string[];
  expansionAgeSelection: "newest" | "oldest";
  backfillPriority: "normal" | "low" | "high";
  balancedAttribute?: string;
}

/** A team as declared (before `quantity` cloning). */
export interface TeamDefinition {
  name: string;
  minPlayers: number;
  maxPlayers: number;
  quantity: number;
}

/** `partyAggregation` of numeric rules. */
export type NumberAggregation = "min" | "max" | "avg";
/** `partyAggregation` of collection rules. */
type CollectionAggregation = "union" | "intersection";
/** Comparison operators. */
export type ComparisonOperation = "<" | "<=" | "=" | "!=" | ">" | ">=";
/** Collection operations. */
type CollectionOperation = "intersection" | "contains" | "reference_intersection_count";

/** A referenceValue: a literal or a property expression. */
export type ReferenceValue =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "stringList"; value: string[] }
  | { kind: "expression"; text: string; expression: Expression };

/** A parsed property expression with its source text. */
export interface Measurement {
  text: string;
  expression: Expression;
}

interface RuleBase {
  name: string;
  description?: string;
}

/** `distance`: measured numbers within [minDistance, maxDistance] of the reference. */
export interface DistanceRule extends RuleBase {
  type: "distance";
  measurements: Measurement[];
  referenceValue?: ReferenceValue;
  minDistance?: number;
  maxDistance?: number;
  partyAggregation: NumberAggregation;
}

/** `comparison`: measured values against a reference, or all equal / all different. */
export interface ComparisonRule extends RuleBase {
  type: "comparison";
  measurements: Measurement[];
  referenceValue?: ReferenceValue;
  operation: ComparisonOperation;
  partyAggregation: NumberAggregation;
}

/** `collection`: counts over string lists (intersection, contains, reference_intersection_count). */
export interface CollectionRule extends RuleBase {
  type: "collection";
  measurements: Measurement[];
  referenceValue?: ReferenceValue;
  operation: CollectionOperation;
  minCount?: number;
  maxCount?: number;
  partyAggregation: CollectionAggregation;
}

/** `latency`: per-location latency limits; picks the match location. */
export interface LatencyRule extends RuleBase {
  type: "latency";
  maxLatency?: number;
  maxDistance?: number;
  distanceReference: "min" | "avg";
  partyAggregation: NumberAggregation;
}

/** `absoluteSort` / `distanceSort`: order an anchor's candidates; never reject. */
export interface SortRule extends RuleBase {
  type: "absoluteSort" | "distanceSort";
  sortDirection: "ascending" | "descending";
  sortAttribute: string;
  mapKey?: "minValue" | "maxValue";
  partyAggregation: NumberAggregation;
}

/** `batchDistance`: numbers within maxDistance of each other, strings equal. */
export interface BatchDistanceRule extends RuleBase {
  type: "batchDistance";
  batchAttribute: string;
  maxDistance?: number;
  partyAggregation: NumberAggregation;
}

/** A compound statement tree over earlier rules. */
export type Statement =
  | { op: "rule"; rule: string }
  | { op: "and" | "or" | "xor"; args: Statement[] }
  | { op: "not"; args: [Statement] };

/** `compound`: a boolean statement over earlier rules. */
export interface CompoundRule extends RuleBase {
  type: "compound";
  statement: Statement;
  statementText: string;
}

/** Any rule. */
export type Rule =
  | DistanceRule
  | ComparisonRule
  | CollectionRule
  | LatencyRule
  | SortRule
  | BatchDistanceRule
  | CompoundRule;

/** A rule's `type`. */
export type RuleType = Rule["type"];

/** One expansion: `target` is replaced by each step's `value` from `waitTimeSeconds` of age on. */
export interface Expansion {
  target: string;
  /** Parsed target. */
  on:
    | { kind: "rule"; name: string; field: string }
    | { kind: "team"; name: string; field: "minPlayers" | "maxPlayers" };
  steps: { waitTimeSeconds: number; value: unknown }[];
}

/** A validated rule set (the parsed form of a RuleSetBody). */
export interface RuleSet {
  name?: string;
  ruleLanguageVersion: "1.0";
  playerAttributes: PlayerAttributeDefinition[];
  algorithm: Algorithm;
  teams: TeamDefinition[];
  rules: Rule[];
  expansions: Expansion[];
}
