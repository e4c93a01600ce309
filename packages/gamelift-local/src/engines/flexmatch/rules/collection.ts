/** `collection` rule: counts over string lists (intersection, contains, reference_intersection_count). */
import { evaluate } from "../expressions/evaluate.js";
import type { MatchView, Value } from "../expressions/context.js";
import type { CollectionRule } from "../types.js";
import { measure, PASS, type Outcome } from "./outcome.js";

/** The string lists inside a value: every innermost list whose items are strings. */
const stringLists = (v: Value, out: string[][] = []): string[][] => {
  if (!Array.isArray(v)) return out;
  if (v.length > 0 && v.every((x) => typeof x === "string")) out.push(v as string[]);
  else if (v.length > 0 && v.every((x) => Array.isArray(x))) for (const x of v) stringLists(x, out);
  else if (v.length === 0) out.push([]);
  return out;
};

const referenceStrings = (rule: CollectionRule, match: MatchView): string[] | undefined => {
  const ref = rule.referenceValue;
  if (!ref) return undefined;
  if (ref.kind === "string") return [ref.value];
  if (ref.kind === "stringList") return ref.value;
  if (ref.kind === "number") return [String(ref.value)];
  const v = evaluate(ref.expression, match, rule.partyAggregation);
  if (typeof v === "string") return [v];
  return stringLists(v).flat();
};

const within = (n: number, rule: CollectionRule): boolean =>
  n >= (rule.minCount ?? 0) && n <= (rule.maxCount ?? Infinity);

/**
 * Evaluates a collection rule over the string lists its measurements produce:
 * - `intersection`: the number of items common to every list is within [minCount, maxCount];
 * - `contains`: the number of lists holding the reference value(s) is within the bounds;
 * - `reference_intersection_count`: for each list, the number of its items in the reference
 *   list is within the bounds.
 */
export function checkCollection(rule: CollectionRule, match: MatchView): Outcome {
  const lists: string[][] = [];
  for (const v of measure(rule.measurements, match, rule.partyAggregation)) stringLists(v, lists);
  const nonEmpty = lists;
  if (nonEmpty.length === 0) return PASS;
  switch (rule.operation) {
    case "intersection": {
      let acc = new Set(nonEmpty[0]);
      for (const l of nonEmpty.slice(1)) {
        const here = new Set(l);
        acc = new Set([...acc].filter((x) => here.has(x)));
      }
      const ok = within(acc.size, rule);
      return { ok, cost: ok ? 0 : 1 };
    }
    case "contains": {
      const ref = referenceStrings(rule, match) ?? [];
      const n = nonEmpty.filter((l) => ref.some((r) => l.includes(r))).length;
      const ok = within(n, rule);
      return { ok, cost: ok ? 0 : 1 };
    }
    case "reference_intersection_count": {
      const ref = new Set(referenceStrings(rule, match) ?? []);
      let bad = 0;
      for (const l of nonEmpty) if (!within(l.filter((x) => ref.has(x)).length, rule)) bad++;
      return { ok: bad === 0, cost: bad };
    }
  }
}
