/** Errors of the FlexMatch rule engine. */

/** One validation problem: `path` names the offending field, e.g. `rules[2].maxDistance`. */
export interface RuleSetIssue {
  path: string;
  message: string;
}

/**
 * A rule set body that is not a valid FlexMatch rule set. `path` and the message name the first
 * offending field; `issues` lists every problem found.
 */
export class RuleSetValidationError extends Error {
  public readonly path: string;
  public readonly issues: readonly RuleSetIssue[];

  public constructor(issues: readonly RuleSetIssue[], options?: { cause?: unknown }) {
    const first = issues[0] ?? { path: "body", message: "invalid rule set" };
    super(`${first.path}: ${first.message}`, options);
    this.name = "RuleSetValidationError";
    this.path = first.path;
    this.issues = issues;
  }
}
