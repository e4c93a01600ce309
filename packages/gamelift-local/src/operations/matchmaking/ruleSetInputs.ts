import { ruleSetIssues } from "../../engines/matchmaking/matcher.js";
import { InvalidRequestException } from "../../errors.js";

/** Checks a RuleSetBody with the FlexMatch engine; an invalid body is an InvalidRequestException naming the field. */
export function requireValidRuleSet(body: string): void {
  const issues = ruleSetIssues(body);
  if (issues.length > 0) {
    throw new InvalidRequestException(
      `Rule set validation failed: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
    );
  }
}
