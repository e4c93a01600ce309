/** Field readers that record validation issues with their paths instead of throwing. */
import type { RuleSetIssue } from "../errors.js";

/** Collects issues while a rule set is parsed. */
export interface ParseContext {
  issues: RuleSetIssue[];
}

/** Records an issue. */
export const issue = (ctx: ParseContext, path: string, message: string): void => {
  ctx.issues.push({ path, message });
};

/** True for a plain JSON object. */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Reports keys of `obj` that are not in `allowed`. */
export const rejectUnknown = (
  ctx: ParseContext,
  obj: Record<string, unknown>,
  path: string,
  allowed: readonly string[],
): void => {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) issue(ctx, `${path}.${k}`, `unknown property "${k}"`);
  }
};

/** A non-empty string, or undefined (and an issue when required or mistyped). */
export const readString = (
  ctx: ParseContext,
  obj: Record<string, unknown>,
  key: string,
  path: string,
  required: boolean,
): string | undefined => {
  const v = obj[key];
  if (v === undefined) {
    if (required) issue(ctx, `${path}.${key}`, `"${key}" is required`);
    return undefined;
  }
  if (typeof v !== "string" || v.length === 0) {
    issue(ctx, `${path}.${key}`, `"${key}" must be a non-empty string`);
    return undefined;
  }
  return v;
};

/** Parses a JSON number or a numeric string (the docs show both); undefined when not numeric. */
export const toNumber = (v: unknown): number | undefined => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
};

/** A number (optionally integer, at least `min`), or undefined with an issue. */
export const readNumber = (
  ctx: ParseContext,
  obj: Record<string, unknown>,
  key: string,
  path: string,
  opts: { required?: boolean; integer?: boolean; min?: number } = {},
): number | undefined => {
  const raw = obj[key];
  const where = `${path}.${key}`;
  if (raw === undefined) {
    if (opts.required) issue(ctx, where, `"${key}" is required`);
    return undefined;
  }
  return checkNumber(ctx, raw, where, key, opts);
};

/** Validates an already-extracted numeric value. */
export const checkNumber = (
  ctx: ParseContext,
  raw: unknown,
  where: string,
  label: string,
  opts: { integer?: boolean; min?: number } = {},
): number | undefined => {
  const n = toNumber(raw);
  if (n === undefined) {
    issue(ctx, where, `"${label}" must be a number`);
    return undefined;
  }
  if (opts.integer && !Number.isInteger(n)) {
    issue(ctx, where, `"${label}" must be an integer`);
    return undefined;
  }
  if (opts.min !== undefined && n < opts.min) {
    issue(ctx, where, `"${label}" must be at least ${opts.min}`);
    return undefined;
  }
  return n;
};

/** One of `values`, the default when absent, or undefined with an issue. */
export const readEnum = <T extends string>(
  ctx: ParseContext,
  obj: Record<string, unknown>,
  key: string,
  path: string,
  values: readonly T[],
  fallback?: T,
): T | undefined => {
  const v = obj[key];
  if (v === undefined) {
    if (fallback === undefined) issue(ctx, `${path}.${key}`, `"${key}" is required (one of ${values.join(", ")})`);
    return fallback;
  }
  if (typeof v !== "string" || !(values as readonly string[]).includes(v)) {
    issue(ctx, `${path}.${key}`, `"${key}" must be one of ${values.join(", ")}`);
    return fallback;
  }
  return v as T;
};
