/** `comparison` rule: measured values against a reference, or all equal / all different. */
import { evaluate } from "../expressions/evaluate.js";
import type { MatchView } from "../expressions/context.js";
import type { ComparisonOperation, ComparisonRule } from "../types.js";
import { measure, PASS, scalars, type Outcome } from "./outcome.js";

const compare = (a: number | string, op: ComparisonOperation, b: number | string): boolean => {
  if (typeof a !== typeof b) return op === "!=";
  switch (op) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case "=":
      return a === b;
    case "!=":
      return a !== b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
  }
};

/**
 * Evaluates a comparison rule. With a referenceValue every measured value must satisfy
 * `value <op> reference`; without one, `=` needs all values equal and `!=` all values distinct.
 */
export function checkComparison(rule: ComparisonRule, match: MatchView): Outcome {
  const values = scalars(measure(rule.measurements, match, rule.partyAggregation));
  if (values.length === 0) return PASS;
  const ref = rule.referenceValue;
  if (!ref) {
    if (rule.operation === "=") {
      const first = values[0];
      const bad = values.filter((v) => v !== first).length;
      return { ok: bad === 0, cost: bad };
    }
    const distinct = new Set(values).size;
    return { ok: distinct === values.length, cost: values.length - distinct };
  }
  let refValue: number | string;
  if (ref.kind === "number" || ref.kind === "string") refValue = ref.value;
  else if (ref.kind === "expression") {
    const [r] = scalars([evaluate(ref.expression, match, rule.partyAggregation)]);
    if (r === undefined) return PASS;
    refValue = r;
  } else return { ok: false, cost: values.length };
  let bad = 0;
  for (const v of values) if (!compare(v, rule.operation, refValue)) bad++;
  return { ok: bad === 0, cost: bad };
}
