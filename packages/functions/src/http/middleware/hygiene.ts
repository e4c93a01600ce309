import type { FieldIssue } from "./validation.js";

/** Keys that would reach an object's prototype machinery when copied into a record. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** A UTF-16 surrogate half without its partner: not Unicode text, and GameLift's JSON would mangle it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stringIssue(s: string): string | undefined {
  if (s.includes("\u0000")) return "must not contain NUL characters";
  if (LONE_SURROGATE.test(s)) return "must be well-formed Unicode (it contains a lone surrogate)";
  return undefined;
}

/**
 * Finds the first unsafe part of a decoded request part: a `__proto__`/`constructor`/`prototype`
 * key (refused, never silently dropped), or a key or string with NUL or a lone surrogate (which
 * must never reach GameLift). Walks iteratively, so a deeply nested body cannot exhaust the stack.
 * @example firstUnsafe("body", JSON.parse('{"a":{"__proto__":{}}}')) // { field: "body.a.__proto__", … }
 */
export function firstUnsafe(part: string, value: unknown): FieldIssue | undefined {
  const stack: [string, unknown][] = [[part, value]];
  while (stack.length > 0) {
    const [path, v] = stack.pop() as [string, unknown];
    if (typeof v === "string") {
      const issue = stringIssue(v);
      if (issue) return { field: path, message: issue };
      continue;
    }
    if (typeof v !== "object" || v === null) continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i -= 1) stack.push([`${path}.${i}`, v[i]]);
      continue;
    }
    const entries = Object.entries(v as Record<string, unknown>);
    for (const [key] of entries) {
      const keyIssue = FORBIDDEN_KEYS.has(key) ? "is a reserved key and is not accepted" : stringIssue(key);
      if (keyIssue) return { field: `${path}.${stringIssue(key) ? "(key)" : key}`, message: keyIssue };
    }
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, child] = entries[i] as [string, unknown];
      stack.push([`${path}.${key}`, child]);
    }
  }
  return undefined;
}
