/**
 * SNS subscription filter policies, as a pure matcher: which messages a subscription receives.
 * Supports the policy syntax SNS documents: exact strings, numbers, booleans and null, `prefix`,
 * `suffix`, `equals-ignore-case`, `anything-but` (values or a `prefix`), `exists`, `numeric`
 * ranges, and `$or`; on message attributes (the default scope) or on the JSON message body.
 */

/** A message attribute as published: `DataType` String, Number, Binary, String.Array (optionally with a `.custom` suffix). */
export interface MessageAttributeValue {
  readonly DataType: string;
  readonly StringValue?: string;
  /** Base64. */
  readonly BinaryValue?: string;
}

/** Message attributes by name. */
export type MessageAttributes = Readonly<Record<string, MessageAttributeValue>>;

/** What a filter policy is matched against. */
export type FilterPolicyScope = "MessageAttributes" | "MessageBody";

/** A parsed filter policy: attribute (or body field) name → conditions, or a nested policy (body scope). */
export type FilterPolicy = Readonly<Record<string, unknown>>;

/** Thrown for a filter policy SNS would refuse (`InvalidParameter`). */
export class FilterPolicyError extends Error {
  constructor(message: string) {
    super(`Invalid parameter: FilterPolicy: ${message}`);
    this.name = "FilterPolicyError";
  }
}

const OPERATORS = new Set(["prefix", "suffix", "equals-ignore-case", "anything-but", "exists", "numeric"]);
const NUMERIC_OPS = new Set(["=", "<", "<=", ">", ">="]);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function checkConditions(path: string, conditions: unknown[]): void {
  if (conditions.length === 0) throw new FilterPolicyError(`${path}: Empty arrays are not allowed`);
  for (const c of conditions) {
    if (!isObject(c)) continue;
    const keys = Object.keys(c);
    if (keys.length !== 1 || !OPERATORS.has(keys[0] ?? ""))
      throw new FilterPolicyError(`${path}: Unrecognized match type ${keys.join(",")}`);
    const numeric = c.numeric;
    if (numeric !== undefined) {
      const ok =
        Array.isArray(numeric) &&
        numeric.length % 2 === 0 &&
        numeric.length > 0 &&
        numeric.every((x, i) => (i % 2 === 0 ? NUMERIC_OPS.has(x as string) : typeof x === "number"));
      if (!ok) throw new FilterPolicyError(`${path}: Value of numeric must be an array of operator, number pairs`);
    }
  }
}

function checkPolicy(path: string, policy: Record<string, unknown>, scope: FilterPolicyScope): void {
  for (const [key, value] of Object.entries(policy)) {
    const at = path ? `${path}.${key}` : key;
    if (key === "$or") {
      if (!Array.isArray(value) || value.length < 2 || !value.every(isObject))
        throw new FilterPolicyError(`${at}: $or needs an array of at least two policies`);
      for (const p of value) checkPolicy(path, p, scope);
    } else if (Array.isArray(value)) {
      checkConditions(at, value);
    } else if (isObject(value) && scope === "MessageBody") {
      checkPolicy(at, value, scope);
    } else {
      throw new FilterPolicyError(`${at}: Match value must be String, number, true, false, or null`);
    }
  }
}

/**
 * Parses and checks a policy as SetSubscriptionAttributes would; `""` and `"{}"` mean no policy.
 * @example parseFilterPolicy('{"type":["TicketCompleted"]}', "MessageAttributes")
 */
export function parseFilterPolicy(
  text: string,
  scope: FilterPolicyScope = "MessageAttributes",
): FilterPolicy | undefined {
  if (text.trim() === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new FilterPolicyError("failed to parse JSON");
  }
  if (!isObject(parsed)) throw new FilterPolicyError("Filter policy must be a JSON object");
  if (Object.keys(parsed).length === 0) return undefined;
  checkPolicy("", parsed, scope);
  return parsed;
}

/** Attribute values as the matcher sees them: String → string, Number → number, String.Array → its elements. */
function attributeValue(attribute: MessageAttributeValue): unknown {
  const base = attribute.DataType.split(".")[0];
  const raw = attribute.StringValue ?? "";
  if (base === "Number") return Number(raw);
  if (attribute.DataType === "String.Array") {
    try {
      const list: unknown = JSON.parse(raw);
      return Array.isArray(list) ? list : raw;
    } catch {
      return raw;
    }
  }
  if (base === "String") return raw;
  return undefined; // Binary attributes are never matched.
}

function matchesCondition(condition: unknown, value: unknown): boolean {
  if (!isObject(condition)) return condition === value;
  if ("prefix" in condition) return typeof value === "string" && value.startsWith(String(condition.prefix));
  if ("suffix" in condition) return typeof value === "string" && value.endsWith(String(condition.suffix));
  if ("equals-ignore-case" in condition)
    return typeof value === "string" && value.toLowerCase() === String(condition["equals-ignore-case"]).toLowerCase();
  if ("anything-but" in condition) {
    const but = condition["anything-but"];
    if (isObject(but) && "prefix" in but) return typeof value === "string" && !value.startsWith(String(but.prefix));
    return !(Array.isArray(but) ? but : [but]).includes(value);
  }
  if ("numeric" in condition) {
    if (typeof value !== "number" || Number.isNaN(value)) return false;
    const spec = condition.numeric as (string | number)[];
    for (let i = 0; i < spec.length; i += 2) {
      const op = spec[i] as string;
      const n = spec[i + 1] as number;
      const ok =
        op === "="
          ? value === n
          : op === "<"
            ? value < n
            : op === "<="
              ? value <= n
              : op === ">"
                ? value > n
                : value >= n;
      if (!ok) return false;
    }
    return true;
  }
  return false;
}

function matchesLeaf(conditions: readonly unknown[], present: boolean, value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  return conditions.some((c) => {
    if (isObject(c) && "exists" in c) return c.exists === present;
    return present && values.some((v) => matchesCondition(c, v));
  });
}

function matchesObject(policy: Readonly<Record<string, unknown>>, data: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(policy).every(([key, rule]) => {
    if (key === "$or") return (rule as Record<string, unknown>[]).some((p) => matchesObject(p, data));
    const present = Object.hasOwn(data, key) && data[key] !== undefined;
    if (Array.isArray(rule)) return matchesLeaf(rule, present, data[key]);
    const nested = data[key];
    if (Array.isArray(nested))
      return nested.some((n) => isObject(n) && matchesObject(rule as Record<string, unknown>, n));
    return matchesObject(rule as Record<string, unknown>, isObject(nested) ? nested : {});
  });
}

/**
 * Whether a message passes a subscription's filter policy (no policy: every message does). With the
 * `MessageBody` scope a body that is not a JSON object matches nothing.
 * @example matchesFilterPolicy({ type: ["TicketCompleted"] }, "MessageAttributes", { attributes: { type: { DataType: "String", StringValue: "TicketCompleted" } }, body: "{}" }) // true
 */
export function matchesFilterPolicy(
  policy: FilterPolicy | undefined,
  scope: FilterPolicyScope,
  message: { readonly attributes: MessageAttributes; readonly body: string },
): boolean {
  if (!policy) return true;
  if (scope === "MessageBody") {
    let body: unknown;
    try {
      body = JSON.parse(message.body);
    } catch {
      return false;
    }
    return isObject(body) && matchesObject(policy, body);
  }
  const data: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(message.attributes)) {
    const value = attributeValue(attribute);
    if (value !== undefined) data[name] = value;
  }
  return matchesObject(policy, data);
}
