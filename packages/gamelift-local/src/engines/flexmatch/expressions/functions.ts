/** The aggregation functions of the property-expression language. */
import type { ExpressionFunction } from "./ast.js";
import type { Value } from "./context.js";

const isList = (v: Value): v is Value[] => Array.isArray(v);

/** True when `v` is a list whose elements are lists (a List<List<...>>, e.g. one list per team). */
const isListOfLists = (v: Value[]): boolean => v.length > 0 && v.every(isList);

const numbers = (v: Value[]): number[] => {
  const out: number[] = [];
  for (const x of v) if (typeof x === "number" && !Number.isNaN(x)) out.push(x);
  return out;
};

const sum = (xs: number[]): number => {
  let s = 0;
  for (const x of xs) s += x;
  return s;
};

const avg = (xs: number[]): number => (xs.length === 0 ? NaN : sum(xs) / xs.length);

const median = (xs: number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

const stddev = (xs: number[]): number => {
  if (xs.length === 0) return NaN;
  const m = avg(xs);
  return Math.sqrt(avg(xs.map((x) => (x - m) * (x - m))));
};

const extreme = (xs: number[], pick: (a: number, b: number) => number): number =>
  xs.length === 0 ? NaN : xs.reduce((a, b) => pick(a, b));

const numeric: Record<"min" | "max" | "avg" | "median" | "sum" | "stddev", (xs: number[]) => number> = {
  min: (xs) => extreme(xs, Math.min),
  max: (xs) => extreme(xs, Math.max),
  avg,
  median,
  sum: (xs) => (xs.length === 0 ? 0 : sum(xs)),
  stddev,
};

const intersect = (lists: Value[]): string[] => {
  const first = lists[0];
  if (first === undefined || !isList(first)) return [];
  let acc = new Set(first.filter((x): x is string => typeof x === "string"));
  for (const l of lists.slice(1)) {
    const here = new Set(isList(l) ? l : []);
    acc = new Set([...acc].filter((x) => here.has(x)));
  }
  return [...acc];
};

/**
 * Applies an expression function. On a list of lists (one per team, say) every function except
 * `flatten` maps over the inner lists, as the FlexMatch docs describe for `teams[*]` paths.
 * Numeric functions of an empty list give `NaN` ("no value"), except `sum` (0).
 */
export function applyFunction(fn: ExpressionFunction, arg: Value): Value {
  if (!isList(arg)) {
    // A scalar stands for a one-element list.
    return applyFunction(fn, [arg]);
  }
  if (fn === "flatten") {
    const out: Value[] = [];
    for (const x of arg) {
      if (isList(x)) for (const y of x) out.push(y);
      else out.push(x);
    }
    return out;
  }
  if (fn === "set_intersection") {
    // List<List<string>> → List<string>; deeper lists map.
    if (arg.length > 0 && arg.every((x) => isList(x) && isListOfLists(x))) {
      return arg.map((x) => applyFunction(fn, x));
    }
    return intersect(arg);
  }
  if (isListOfLists(arg)) {
    // count of List<List<string>> where inner lists are string lists still maps: one count per inner list.
    return arg.map((x) => applyFunction(fn, x));
  }
  if (fn === "count") return arg.length;
  return numeric[fn](numbers(arg));
}
