import fc from "fast-check";
import { matchesPattern } from "../../../src/operations/model/validate.js";
import { operationInputs, shapes } from "../../../src/operations/model/constraints.generated.js";
import type { ShapeConstraints } from "../../../src/operations/model/shapeTypes.js";

/** One generated request: what it breaks, and which error GameLift gives for it. */
export interface SweepCase {
  readonly operation: string;
  readonly what: string;
  readonly input: Record<string, unknown>;
  readonly expect: "InvalidRequestException" | "SerializationException";
}

const shapeOf = (name: string): ShapeConstraints => {
  const s = shapes[name];
  if (!s) throw new Error(`no shape ${name}`);
  return s;
};

const sampled = new Map<string, string>();
/** A string of the shape that satisfies its pattern and length bounds (deterministic). */
function validString(s: ShapeConstraints): string {
  if (s.enum) return s.enum[0] as string;
  const min = s.min ?? 0;
  const max = s.max ?? Math.max(min, 16);
  const key = `${s.pattern}|${min}|${max}`;
  const cached = sampled.get(key);
  if (cached !== undefined) return cached;
  let out = "a".repeat(Math.max(min, 1));
  if (s.pattern !== undefined && !matchesPattern(s.pattern, out)) {
    const re = new RegExp(`^(?:${s.pattern.replace("\\uD800\\uDC00-\\uDBFF\\uDFFF", "")})$`);
    const candidates = fc.sample(fc.stringMatching(re), { seed: 42, numRuns: 400 });
    const ok = candidates.filter(
      (c) => [...c].length >= min && [...c].length <= max && matchesPattern(s.pattern as string, c),
    );
    ok.sort((a, b) => a.length - b.length);
    out = ok[0] ?? out;
  }
  sampled.set(key, out);
  return out;
}

/** A minimal valid value of a shape: required members only, lists at their minimum length (≥ 1). */
function validValue(name: string, depth = 0): unknown {
  const s = shapeOf(name);
  switch (s.type) {
    case "string":
      return validString(s);
    case "integer":
    case "long":
    case "float":
    case "double":
      return Math.min(Math.max(s.min ?? 1, 1), s.max ?? Number.MAX_SAFE_INTEGER);
    case "boolean":
      return true;
    case "timestamp":
      return new Date(0);
    case "blob":
      return new Uint8Array(Math.max(s.min ?? 1, 1));
    case "list":
      return Array.from({ length: Math.max(s.min ?? 1, 1) }, () => validValue(s.member as string, depth + 1));
    case "map":
      return { [validString(shapeOf(s.key as string))]: validValue(s.value as string, depth + 1) };
    case "structure":
      return Object.fromEntries((s.required ?? []).map((m) => [m, validValue(s.members?.[m] as string, depth + 1)]));
  }
}

const wrongType = (s: ShapeConstraints): unknown =>
  s.type === "string" || s.type === "blob"
    ? 12
    : s.type === "list"
      ? "x"
      : s.type === "structure" || s.type === "map"
        ? [1]
        : "12";

/** Values of a shape that break exactly one of its constraints (type errors included). */
function invalidValues(name: string, depth: number): { what: string; value: unknown; expect: SweepCase["expect"] }[] {
  const s = shapeOf(name);
  const out: { what: string; value: unknown; expect: SweepCase["expect"] }[] = [
    { what: `${name}: wrong type`, value: wrongType(s), expect: "SerializationException" },
  ];
  const invalid = (what: string, value: unknown): void =>
    void out.push({ what: `${name}: ${what}`, value, expect: "InvalidRequestException" });
  if (s.type === "string") {
    const base = validString(s);
    if (s.min !== undefined && s.min > 0) invalid(`shorter than ${s.min}`, base.slice(0, s.min - 1));
    if (s.max !== undefined && s.max < 1_000_000)
      invalid(`longer than ${s.max}`, base.padEnd(s.max + 1, base.at(-1) ?? "a"));
    if (s.enum) invalid("not in the enum", `${s.enum[0]}x`);
    if (s.pattern !== undefined) {
      const min = Math.max(s.min ?? 0, 1);
      const bad = [" ", "!", "#", "a b", "\n", "-", "é", "\u0001"]
        .map((c) => c.repeat(min))
        .find((c) => !matchesPattern(s.pattern as string, c) && [...c].length <= (s.max ?? Infinity));
      if (bad !== undefined) invalid("pattern", bad);
      // Garbage after (or before) a valid value: catches patterns anchored at one end only.
      for (const [label, value] of [
        ["trailing garbage", `${base} !`],
        ["leading garbage", `! ${base}`],
      ] as const) {
        if (!matchesPattern(s.pattern, value) && [...value].length <= (s.max ?? Infinity))
          invalid(`pattern (${label})`, value);
      }
    }
  } else if (s.type === "integer" || s.type === "long" || s.type === "float" || s.type === "double") {
    if (s.min !== undefined) invalid(`below ${s.min}`, s.min - 1);
    // Past the integer range is a serialization error, not a constraint violation.
    if (s.max !== undefined && !(s.type === "integer" && s.max >= 2 ** 31 - 1)) invalid(`above ${s.max}`, s.max + 1);
  } else if (s.type === "list" && depth < 4) {
    const item = validValue(s.member as string);
    if (s.min !== undefined && s.min > 0)
      invalid(
        `fewer than ${s.min} items`,
        Array.from({ length: s.min - 1 }, () => item),
      );
    if (s.max !== undefined && s.max <= 1000)
      invalid(
        `more than ${s.max} items`,
        Array.from({ length: s.max + 1 }, () => item),
      );
    for (const bad of invalidValues(s.member as string, depth + 1)) {
      const list = Array.from({ length: Math.max(s.min ?? 1, 1) }, () => validValue(s.member as string));
      list[0] = bad.value;
      out.push({ what: `${name}[0] ${bad.what}`, value: list, expect: bad.expect });
    }
  } else if (s.type === "structure" && depth < 4) {
    const base = validValue(name) as Record<string, unknown>;
    for (const req of s.required ?? []) {
      const { [req]: _gone, ...rest } = base;
      invalid(`${req} missing`, rest);
    }
    for (const [member, memberShape] of Object.entries(s.members ?? {})) {
      for (const bad of invalidValues(memberShape, depth + 1))
        out.push({ what: `${member} ${bad.what}`, value: { ...base, [member]: bad.value }, expect: bad.expect });
    }
  }
  return out;
}

/** The valid baseline and every single-constraint violation of an operation's request. */
export function sweepCases(operation: string): { baseline: Record<string, unknown>; cases: SweepCase[] } {
  const inputShape = operationInputs[operation] as string;
  const baseline = validValue(inputShape) as Record<string, unknown>;
  const cases = invalidValues(inputShape, 0)
    .filter((c) => c.value !== null && typeof c.value === "object" && !Array.isArray(c.value))
    .map((c) => ({ operation, what: c.what, input: c.value as Record<string, unknown>, expect: c.expect }));
  return { baseline, cases };
}
