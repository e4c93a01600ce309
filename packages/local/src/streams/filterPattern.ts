/**
 * Lambda event-source-mapping filter criteria (EventBridge pattern syntax) over one record, as pure
 * functions. A pattern is an object whose leaves are arrays of allowed values; keys are ANDed, the
 * values of one array are ORed, and a record is delivered when it matches ANY of the patterns.
 *
 * Supported in a leaf array: exact values (string, number, boolean, null), `{ prefix }`, `{ suffix }`,
 * `{ "equals-ignore-case" }`, `{ exists: true | false }`, `{ "anything-but": value | [values] | { prefix } }`
 * and `{ numeric: [op, n, ...] }`. Nested objects descend into the record. Anything else is rejected by
 * {@link assertValidPattern} so a misspelt operator fails at start instead of silently matching nothing.
 */

/** One filter pattern (`FilterCriteria.Filters[].Pattern`, already parsed). */
export type FilterPattern = Readonly<Record<string, unknown>>;

/** A filter pattern uses syntax this matcher does not know. */
class FilterPatternError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = "FilterPatternError";
  }
}

const OPERATORS = new Set(["prefix", "suffix", "equals-ignore-case", "exists", "anything-but", "numeric"]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Throws {@link FilterPatternError} naming the path of the first construct the matcher cannot evaluate.
 * @example assertValidPattern({ eventName: ["INSERT"], dynamodb: { Keys: { pk: { S: [{ prefix: "TICKET#" }] } } } });
 */
export function assertValidPattern(pattern: unknown, path = "$"): void {
  if (!isObject(pattern)) throw new FilterPatternError(`${path}: a pattern must be an object`);
  for (const [key, value] of Object.entries(pattern)) {
    const at = `${path}.${key}`;
    if (Array.isArray(value)) {
      if (value.length === 0) throw new FilterPatternError(`${at}: an empty array matches nothing`);
      for (const v of value) if (isObject(v)) assertValidOperator(v, at);
    } else if (isObject(value)) {
      assertValidPattern(value, at);
    } else {
      throw new FilterPatternError(`${at}: a leaf must be an array of allowed values`);
    }
  }
}

function assertValidOperator(op: Record<string, unknown>, at: string): void {
  const keys = Object.keys(op);
  const name = keys[0];
  if (keys.length !== 1 || name === undefined || !OPERATORS.has(name))
    throw new FilterPatternError(`${at}: unknown operator ${JSON.stringify(op)}`);
  const arg = op[name];
  if ((name === "prefix" || name === "suffix" || name === "equals-ignore-case") && typeof arg !== "string")
    throw new FilterPatternError(`${at}: ${name} takes a string`);
  if (name === "exists" && typeof arg !== "boolean") throw new FilterPatternError(`${at}: exists takes true or false`);
  if (name === "numeric" && (!Array.isArray(arg) || arg.length % 2 !== 0 || arg.length === 0))
    throw new FilterPatternError(`${at}: numeric takes [op, number, ...]`);
  if (name === "anything-but" && isObject(arg) && typeof arg.prefix !== "string")
    throw new FilterPatternError(`${at}: anything-but takes values or { prefix }`);
}

/**
 * Whether `record` matches `pattern` (EventBridge semantics: a missing field matches only `{ exists: false }`;
 * when the record holds an array, it matches if any element does).
 * @example matchesPattern({ a: { b: ["x"] } }, { a: { b: "x", c: 1 } }); // true
 */
export function matchesPattern(pattern: FilterPattern, record: unknown): boolean {
  const obj = isObject(record) ? record : undefined;
  for (const [key, expected] of Object.entries(pattern)) {
    const actual = obj?.[key];
    if (Array.isArray(expected)) {
      if (!matchesLeaf(expected, actual)) return false;
    } else if (isObject(expected)) {
      // Paths run through arrays (any element may match); a path that is absent still lets `exists: false` match.
      const matched = Array.isArray(actual)
        ? actual.some((el) => matchesPattern(expected, el))
        : matchesPattern(expected, isObject(actual) ? actual : undefined);
      if (!matched) return false;
    } else {
      return false;
    }
  }
  return true;
}

/**
 * Lambda's rule for several filters: deliver the record when ANY pattern matches. No filters = deliver all.
 * @example matchesAnyPattern([{ eventName: ["INSERT"] }, { eventName: ["MODIFY"] }], record);
 */
export function matchesAnyPattern(patterns: readonly FilterPattern[], record: unknown): boolean {
  return patterns.length === 0 || patterns.some((p) => matchesPattern(p, record));
}

function matchesLeaf(allowed: readonly unknown[], actual: unknown): boolean {
  if (actual === undefined) return allowed.some((a) => isObject(a) && a.exists === false);
  // A leaf condition is about values, not sub-objects: an object node never matches (nor `exists: true`).
  const values = Array.isArray(actual) ? actual : [actual];
  return values.some((v) => !isObject(v) && allowed.some((a) => matchesValue(a, v)));
}

function matchesValue(allowed: unknown, v: unknown): boolean {
  if (!isObject(allowed)) return allowed === v;
  if ("exists" in allowed) return allowed.exists === true;
  if (typeof allowed.prefix === "string") return typeof v === "string" && v.startsWith(allowed.prefix);
  if (typeof allowed.suffix === "string") return typeof v === "string" && v.endsWith(allowed.suffix);
  const ci = allowed["equals-ignore-case"];
  if (typeof ci === "string") return typeof v === "string" && v.toLowerCase() === ci.toLowerCase();
  if ("anything-but" in allowed) return anythingBut(allowed["anything-but"], v);
  if (Array.isArray(allowed.numeric)) return numeric(allowed.numeric, v);
  return false;
}

function anythingBut(arg: unknown, v: unknown): boolean {
  if (isObject(arg) && typeof arg.prefix === "string") return !(typeof v === "string" && v.startsWith(arg.prefix));
  const excluded = Array.isArray(arg) ? arg : [arg];
  return !excluded.includes(v);
}

/** DynamoDB `N` values are strings on the wire, so numeric strings compare as numbers too. */
function numeric(conditions: readonly unknown[], v: unknown): boolean {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
  if (Number.isNaN(n)) return false;
  for (let i = 0; i < conditions.length; i += 2) {
    const op = conditions[i];
    const bound = Number(conditions[i + 1]);
    const ok =
      op === "="
        ? n === bound
        : op === "<"
          ? n < bound
          : op === "<="
            ? n <= bound
            : op === ">"
              ? n > bound
              : op === ">="
                ? n >= bound
                : false;
    if (!ok) return false;
  }
  return true;
}
