import { ruleSetIssues } from "../../engines/matchmaking/matcher.js";
import type { RuleSetRecord } from "../../engines/matchmaking/types.js";
import { InvalidRequestException } from "../../errors.js";

/** A stored rule set in the API's `MatchmakingRuleSet` shape. */
export function ruleSetToApi(r: RuleSetRecord): Record<string, unknown> {
  return {
    RuleSetName: r.RuleSetName,
    RuleSetArn: r.RuleSetArn,
    RuleSetBody: r.RuleSetBody,
    CreationTime: new Date(r.CreationTime),
  };
}

/** Checks a RuleSetBody with the FlexMatch engine; an invalid body is an InvalidRequestException naming the field. */
export function requireValidRuleSet(body: string): void {
  const issues = ruleSetIssues(body);
  if (issues.length > 0) {
    throw new InvalidRequestException(
      `Rule set validation failed: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
    );
  }
}
