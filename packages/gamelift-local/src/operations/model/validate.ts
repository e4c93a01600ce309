import { GameLiftError, InvalidRequestException } from "../../errors.js";
import { operationInputs, shapes } from "./constraints.generated.js";
import type { ShapeConstraints } from "./shapeTypes.js";

/** A request member of the wrong type: GameLift answers `SerializationException` (HTTP 400), not a validation error. */
class SerializationException extends GameLiftError {
  public constructor(message: string) {
    super("SerializationException", message);
  }
}

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** Compiles a model pattern; like the service, the whole value must match it. */
function compile(pattern: string): RegExp {
  // Java's surrogate-pair range (U+10000..U+10FFFF) needs JavaScript's `u` flag and code point escapes.
  const astral = "\\uD800\\uDC00-\\uDBFF\\uDFFF";
  if (pattern.includes(astral)) return new RegExp(`^(?:${pattern.replace(astral, "\\u{10000}-\\u{10FFFF}")})$`, "u");
  return new RegExp(`^(?:${pattern})$`);
}
const compiled = new Map<string, RegExp>();
const regexOf = (pattern: string): RegExp => {
  let re = compiled.get(pattern);
  if (!re) compiled.set(pattern, (re = compile(pattern)));
  return re;
};

/** Whether a string matches a model pattern in full. */
export function matchesPattern(pattern: string, value: string): boolean {
  return regexOf(pattern).test(value);
}

/** How GameLift shows a value in a validation message (Java's `toString` of the member). */
function show(value: unknown, sensitive: boolean | undefined): string {
  if (value === undefined || value === null) return "null";
  if (sensitive) return "'*** Sensitive Data Redacted ***'";
  const plain = (v: unknown): string =>
    Array.isArray(v)
      ? `[${v.map(plain).join(", ")}]`
      : v instanceof Date
        ? v.toISOString()
        : typeof v === "object" && v !== null
          ? JSON.stringify(v)
          : String(v);
  return `'${plain(value)}'`;
}

const camel = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return "list";
  if (v instanceof Date) return "timestamp";
  if (v instanceof Uint8Array) return "blob";
  if (typeof v === "bigint") return "number";
  return v === null ? "null" : typeof v === "object" ? "structure" : typeof v;
}

/** Type errors end the request at once (the service cannot even deserialize it). */
function checkType(shape: ShapeConstraints, value: unknown, path: string): void {
  const bad = (): never => {
    throw new SerializationException(`Cannot deserialize ${jsonType(value)} value at '${path}' as ${shape.type}.`);
  };
  switch (shape.type) {
    case "string":
      if (typeof value !== "string") bad();
      return;
    case "boolean":
      if (typeof value !== "boolean") bad();
      return;
    case "integer":
      if (
        typeof value === "bigint"
          ? value < INT_MIN || value > INT_MAX
          : typeof value !== "number" || !Number.isInteger(value) || value < INT_MIN || value > INT_MAX
      )
        bad();
      return;
    case "long":
      if (typeof value !== "bigint" && (typeof value !== "number" || !Number.isInteger(value))) bad();
      return;
    case "float":
    case "double":
      if (typeof value !== "number" || !Number.isFinite(value)) bad();
      return;
    case "timestamp":
      if (!(value instanceof Date) && (typeof value !== "number" || !Number.isFinite(value))) bad();
      return;
    case "blob":
      if (!(value instanceof Uint8Array) && typeof value !== "string") bad();
      return;
    case "list":
      if (!Array.isArray(value)) bad();
      return;
    case "map":
    case "structure":
      if (
        typeof value !== "object" ||
        value === null ||
        Array.isArray(value) ||
        value instanceof Date ||
        value instanceof Uint8Array
      )
        bad();
      return;
  }
}

const sizeOf = (shape: ShapeConstraints, value: unknown): number | undefined => {
  if (typeof value === "string") return shape.type === "blob" ? Buffer.from(value, "base64").length : [...value].length;
  if (value instanceof Uint8Array) return value.length;
  if (Array.isArray(value)) return value.length;
  if (shape.type === "map" && typeof value === "object" && value !== null) return Object.keys(value).length;
  return undefined;
};

/** Collects constraint violations of one value (already known to be of the right type). */
function visit(shapeName: string, value: unknown, path: string, errors: string[]): void {
  const shape = shapes[shapeName];
  if (!shape) return;
  checkType(shape, value, path);
  const fail = (constraint: string): void => {
    errors.push(
      `Value ${show(value, shape.sensitive)} at '${path}' failed to satisfy constraint: Member must ${constraint}`,
    );
  };
  const numeric =
    shape.type === "integer" || shape.type === "long" || shape.type === "float" || shape.type === "double";
  if (numeric) {
    const n = Number(value);
    if (shape.min !== undefined && n < shape.min) fail(`have value greater than or equal to ${shape.min}`);
    if (shape.max !== undefined && n > shape.max) fail(`have value less than or equal to ${shape.max}`);
    return;
  }
  const size = sizeOf(shape, value);
  if (size !== undefined) {
    if (shape.min !== undefined && size < shape.min) fail(`have length greater than or equal to ${shape.min}`);
    if (shape.max !== undefined && size > shape.max) fail(`have length less than or equal to ${shape.max}`);
  }
  if (typeof value === "string" && shape.type === "string") {
    if (shape.enum && !shape.enum.includes(value)) fail(`satisfy enum value set: [${shape.enum.join(", ")}]`);
    if (shape.pattern !== undefined && !matchesPattern(shape.pattern, value))
      fail(`satisfy regular expression pattern: ${shape.pattern}`);
  }
  if (Array.isArray(value) && shape.member) {
    value.forEach((item, i) => {
      if (item === null || item === undefined)
        errors.push(`Value null at '${path}.${i + 1}.member' failed to satisfy constraint: Member must not be null`);
      else visit(shape.member as string, item, `${path}.${i + 1}.member`, errors);
    });
  }
  if (shape.type === "map" && shape.key && shape.value) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      visit(shape.key, k, `${path}.${k}.key`, errors);
      if (v === null || v === undefined)
        errors.push(`Value null at '${path}.${k}.value' failed to satisfy constraint: Member must not be null`);
      else visit(shape.value, v, `${path}.${k}.value`, errors);
    }
  }
  if (shape.type === "structure") visitMembers(shape, value as Record<string, unknown>, path, errors);
}

function visitMembers(shape: ShapeConstraints, value: Record<string, unknown>, path: string, errors: string[]): void {
  for (const [member, memberShape] of Object.entries(shape.members ?? {})) {
    const v = value[member];
    const at = path ? `${path}.${camel(member)}` : camel(member);
    if (v === undefined || v === null) {
      if (shape.required?.includes(member))
        errors.push(`Value null at '${at}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    visit(memberShape, v, at, errors);
  }
}

/** The constraint violations of a request, as GameLift words them (empty when valid). */
export function requestViolations(operation: string, input: Record<string, unknown>): string[] {
  const inputShape = operationInputs[operation];
  const shape = inputShape ? shapes[inputShape] : undefined;
  if (!shape) return [];
  const errors: string[] = [];
  visitMembers(shape, input, "", errors);
  return errors;
}

/**
 * Validates a decoded request against the service model's constraints.
 * @throws SerializationException for a member of the wrong type.
 * @throws InvalidRequestException `N validation error(s) detected: Value 'x' at 'member' failed to satisfy constraint: ...`.
 */
export function validateRequest(operation: string, input: Record<string, unknown>): void {
  const errors = requestViolations(operation, input);
  if (errors.length > 0)
    throw new InvalidRequestException(
      `${errors.length} validation error${errors.length === 1 ? "" : "s"} detected: ${errors.join("; ")}`,
    );
}
