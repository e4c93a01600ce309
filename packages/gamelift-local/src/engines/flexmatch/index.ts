/** FlexMatch rule engine: parse/validate rule sets and find matches in a pool. Pure: no I/O, no clock. */
export type {
  Algorithm,
  AttributeType,
  AttributeValue,
  BatchDistanceRule,
  CollectionRule,
  ComparisonRule,
  CompoundRule,
  DistanceRule,
  Expansion,
  FindMatchesOptions,
  LatencyRule,
  MatchTeam,
  PlayerAttributeDefinition,
  PoolPlayer,
  PoolTicket,
  ProposedMatch,
  Rule,
  RuleSet,
  RuleType,
  SortRule,
  TeamDefinition,
} from "./types.js";
export { RuleSetValidationError, type RuleSetIssue } from "./errors.js";
export { parseRuleSet, validateRuleSet, LARGE_MATCH_THRESHOLD } from "./parse/ruleSet.js";
export { findMatches } from "./findMatches.js";
export { effectiveRuleSet, expansionAge, expansionStepsAt } from "./expansions.js";
export { playerAttributesWithDefaults } from "./attributes.js";
export { parseExpression } from "./expressions/parse.js";
export { seededRandom } from "./random.js";
