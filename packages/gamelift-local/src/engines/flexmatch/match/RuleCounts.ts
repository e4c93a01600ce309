/** Per-rule pass/fail counters of one match attempt (its ruleEvaluationMetrics), in typed arrays. */
import type { RuleSet } from "../types.js";
import type { Level } from "./compile.js";

/** One rule's counters in a ProposedMatch's ruleEvaluationMetrics (a constructor, not a literal: see prepare.ts). */
class RuleMetric {
  public constructor(
    public ruleName: string,
    public passedCount: number,
    public failedCount: number,
  ) {}
}

/**
 * Counters indexed by a rule's position in the rule set (every expansion level keeps the base
 * rule set's names and order). One instance is reset and reused across the attempts of a call,
 * instead of a Map of fresh objects per attempt.
 */
export class RuleCounts {
  public readonly passed: Int32Array;
  public readonly failed: Int32Array;

  public constructor(rules: number) {
    this.passed = new Int32Array(rules);
    this.failed = new Int32Array(rules);
  }

  /** Counters of a match whose deciding rules were each evaluated once, and passed. */
  public static passedOnce(level: Level): RuleCounts {
    const out = new RuleCounts(level.ruleSet.rules.length);
    for (const i of level.decidingIndex) out.record(i, true);
    return out;
  }

  /** Zeroes every counter. */
  public reset(): void {
    this.passed.fill(0);
    this.failed.fill(0);
  }

  /** Counts one evaluation of the rule at `index` (-1: not a rule of the base rule set; ignored). */
  public record(index: number, ok: boolean): void {
    if (index < 0) return;
    if (ok) this.passed[index] = (this.passed[index] as number) + 1;
    else this.failed[index] = (this.failed[index] as number) + 1;
  }

  /** The counters as the ProposedMatch's ruleEvaluationMetrics, in rule-set order. */
  public metrics(ruleSet: RuleSet): { ruleName: string; passedCount: number; failedCount: number }[] {
    const rules = ruleSet.rules;
    const out = new Array<{ ruleName: string; passedCount: number; failedCount: number }>(rules.length);
    for (let i = 0; i < rules.length; i++) {
      out[i] = new RuleMetric((rules[i] as RuleSet["rules"][number]).name, this.passed[i] ?? 0, this.failed[i] ?? 0);
    }
    return out;
  }
}
