/** Parsing and validation of one rule object. */
import type { Rule, RuleType } from "../types.js";
import { readMeasurements, readReference, type NameScope } from "./expressionFields.js";
import { checkNumber, issue, readEnum, readNumber, readString, rejectUnknown, type ParseContext } from "./fields.js";
import { parseStatement, statementRules } from "./statement.js";

/** Every rule type, in the docs' order. */
export const RULE_TYPES: readonly RuleType[] = [
  "batchDistance",
  "comparison",
  "distance",
  "collection",
  "latency",
  "absoluteSort",
  "distanceSort",
  "compound",
];

const NUMBER_AGG = ["avg", "min", "max"] as const;
const COMMON = ["name", "type", "description"];

const FIELDS: Record<RuleType, readonly string[]> = {
  distance: [...COMMON, "measurements", "referenceValue", "minDistance", "maxDistance", "partyAggregation"],
  comparison: [...COMMON, "measurements", "referenceValue", "operation", "partyAggregation"],
  collection: [...COMMON, "measurements", "referenceValue", "operation", "minCount", "maxCount", "partyAggregation"],
  latency: [...COMMON, "maxLatency", "maxDistance", "distanceReference", "partyAggregation"],
  absoluteSort: [...COMMON, "sortDirection", "sortAttribute", "mapKey", "partyAggregation"],
  distanceSort: [...COMMON, "sortDirection", "sortAttribute", "mapKey", "partyAggregation"],
  batchDistance: [...COMMON, "batchAttribute", "maxDistance", "partyAggregation"],
  compound: [...COMMON, "statement"],
};

/** Rule fields an expansion may target, per rule type. */
export const EXPANDABLE_FIELDS: Record<RuleType, readonly string[]> = {
  distance: ["referenceValue", "minDistance", "maxDistance"],
  comparison: ["referenceValue"],
  collection: ["referenceValue", "minCount", "maxCount"],
  latency: ["maxLatency", "maxDistance"],
  absoluteSort: [],
  distanceSort: [],
  batchDistance: ["maxDistance"],
  compound: [],
};

/** Earlier rules, by name, that a compound statement may reference. */
export type EarlierRules = ReadonlyMap<string, RuleType>;

const readAttribute = (
  ctx: ParseContext,
  obj: Record<string, unknown>,
  key: string,
  path: string,
  scope: NameScope,
  types: readonly string[],
): string | undefined => {
  const name = readString(ctx, obj, key, path, true);
  if (name === undefined) return undefined;
  const type = scope.attributes.get(name);
  if (type === undefined) issue(ctx, `${path}.${key}`, `undeclared player attribute "${name}"`);
  else if (!types.includes(type))
    issue(ctx, `${path}.${key}`, `attribute "${name}" must be of type ${types.join(" or ")}`);
  return name;
};

/**
 * Parses one rule. `name` and `type` were checked by the caller; fields are checked here.
 * @returns the rule, or undefined when a field is invalid (issues recorded in `ctx`).
 */
export function parseRule(
  ctx: ParseContext,
  raw: Record<string, unknown>,
  path: string,
  name: string,
  type: RuleType,
  scope: NameScope,
  earlier: EarlierRules,
): Rule | undefined {
  const before = ctx.issues.length;
  rejectUnknown(ctx, raw, path, FIELDS[type]);
  const description = typeof raw["description"] === "string" ? raw["description"] : undefined;
  const base = description === undefined ? { name } : { name, description };
  const nonNeg = { min: 0 };
  let rule: Rule | undefined;
  switch (type) {
    case "distance": {
      const measurements = readMeasurements(ctx, raw, path, scope);
      const referenceValue = readReference(ctx, raw["referenceValue"], `${path}.referenceValue`, scope, false);
      const minDistance = readNumber(ctx, raw, "minDistance", path, nonNeg);
      const maxDistance = readNumber(ctx, raw, "maxDistance", path, nonNeg);
      if (raw["minDistance"] === undefined && raw["maxDistance"] === undefined) {
        issue(ctx, `${path}.maxDistance`, `a distance rule needs "maxDistance" or "minDistance"`);
      }
      const partyAggregation = readEnum(ctx, raw, "partyAggregation", path, NUMBER_AGG, "avg") ?? "avg";
      rule = { ...base, type, measurements, partyAggregation };
      if (referenceValue) rule.referenceValue = referenceValue;
      if (minDistance !== undefined) rule.minDistance = minDistance;
      if (maxDistance !== undefined) rule.maxDistance = maxDistance;
      break;
    }
    case "comparison": {
      const measurements = readMeasurements(ctx, raw, path, scope);
      const referenceValue = readReference(ctx, raw["referenceValue"], `${path}.referenceValue`, scope, true);
      const operation = readEnum(ctx, raw, "operation", path, ["<", "<=", "=", "!=", ">", ">="] as const);
      if (operation && !referenceValue && operation !== "=" && operation !== "!=") {
        issue(ctx, `${path}.operation`, `without a referenceValue only "=" and "!=" are allowed`);
      }
      const partyAggregation = readEnum(ctx, raw, "partyAggregation", path, NUMBER_AGG, "avg") ?? "avg";
      rule = { ...base, type, measurements, operation: operation ?? "=", partyAggregation };
      if (referenceValue) rule.referenceValue = referenceValue;
      break;
    }
    case "collection": {
      const measurements = readMeasurements(ctx, raw, path, scope);
      const operation = readEnum(ctx, raw, "operation", path, [
        "intersection",
        "contains",
        "reference_intersection_count",
      ] as const);
      const referenceValue = readReference(ctx, raw["referenceValue"], `${path}.referenceValue`, scope, true);
      if (operation && operation !== "intersection" && !referenceValue) {
        issue(ctx, `${path}.referenceValue`, `operation "${operation}" needs a referenceValue`);
      }
      const minCount = readNumber(ctx, raw, "minCount", path, { integer: true, min: 0 });
      const maxCount = readNumber(ctx, raw, "maxCount", path, { integer: true, min: 0 });
      if (raw["minCount"] === undefined && raw["maxCount"] === undefined) {
        issue(ctx, `${path}.minCount`, `a collection rule needs "minCount" or "maxCount"`);
      }
      const partyAggregation =
        readEnum(ctx, raw, "partyAggregation", path, ["union", "intersection"] as const, "union") ?? "union";
      rule = { ...base, type, measurements, operation: operation ?? "intersection", partyAggregation };
      if (referenceValue) rule.referenceValue = referenceValue;
      if (minCount !== undefined) rule.minCount = minCount;
      if (maxCount !== undefined) rule.maxCount = maxCount;
      break;
    }
    case "latency": {
      const maxLatency = readNumber(ctx, raw, "maxLatency", path, nonNeg);
      const maxDistance = readNumber(ctx, raw, "maxDistance", path, nonNeg);
      if (raw["maxLatency"] === undefined && raw["maxDistance"] === undefined) {
        issue(ctx, `${path}.maxLatency`, `a latency rule needs "maxLatency" or "maxDistance"`);
      }
      const distanceReference = readEnum(ctx, raw, "distanceReference", path, ["min", "avg"] as const, "min") ?? "min";
      const partyAggregation = readEnum(ctx, raw, "partyAggregation", path, NUMBER_AGG, "avg") ?? "avg";
      rule = { ...base, type, distanceReference, partyAggregation };
      if (maxLatency !== undefined) rule.maxLatency = maxLatency;
      if (maxDistance !== undefined) rule.maxDistance = maxDistance;
      break;
    }
    case "absoluteSort":
    case "distanceSort": {
      const sortDirection =
        readEnum(ctx, raw, "sortDirection", path, ["ascending", "descending"] as const, "ascending") ?? "ascending";
      const sortAttribute =
        readAttribute(ctx, raw, "sortAttribute", path, scope, ["number", "string_number_map"]) ?? "";
      const partyAggregation = readEnum(ctx, raw, "partyAggregation", path, NUMBER_AGG, "avg") ?? "avg";
      rule = { ...base, type, sortDirection, sortAttribute, partyAggregation };
      if (scope.attributes.get(sortAttribute) === "string_number_map") {
        rule.mapKey = readEnum(ctx, raw, "mapKey", path, ["minValue", "maxValue"] as const) ?? "minValue";
      } else if (raw["mapKey"] !== undefined) {
        issue(ctx, `${path}.mapKey`, `"mapKey" applies only to string_number_map attributes`);
      }
      break;
    }
    case "batchDistance": {
      const batchAttribute = readAttribute(ctx, raw, "batchAttribute", path, scope, ["number", "string"]) ?? "";
      const isNumber = scope.attributes.get(batchAttribute) === "number";
      const maxDistance = readNumber(ctx, raw, "maxDistance", path, { required: isNumber, min: 0 });
      if (!isNumber && raw["maxDistance"] !== undefined) {
        issue(ctx, `${path}.maxDistance`, `"maxDistance" applies only to a number batchAttribute`);
      }
      const partyAggregation = readEnum(ctx, raw, "partyAggregation", path, NUMBER_AGG, "avg") ?? "avg";
      rule = { ...base, type, batchAttribute, partyAggregation };
      if (maxDistance !== undefined && isNumber) rule.maxDistance = maxDistance;
      break;
    }
    case "compound": {
      const text = readString(ctx, raw, "statement", path, true);
      if (text === undefined) break;
      const statement = parseStatement(text);
      if (typeof statement === "string") {
        issue(ctx, `${path}.statement`, statement);
        break;
      }
      for (const ref of statementRules(statement)) {
        const refType = earlier.get(ref);
        if (refType === undefined) issue(ctx, `${path}.statement`, `"${ref}" is not an earlier rule`);
        else if (refType === "batchDistance" || refType === "compound") {
          issue(ctx, `${path}.statement`, `a compound rule cannot reference ${refType} rule "${ref}"`);
        }
      }
      rule = { ...base, type, statement, statementText: text };
      break;
    }
  }
  return ctx.issues.length === before ? rule : undefined;
}

/** Validates an expansion step value for a rule field by re-parsing the rule with it. */
export function checkRuleFieldValue(
  ctx: ParseContext,
  raw: Record<string, unknown>,
  field: string,
  value: unknown,
  where: string,
  scope: NameScope,
): unknown {
  if (field === "referenceValue") {
    const allowString = raw["type"] !== "distance";
    return readReference(ctx, value, where, scope, allowString);
  }
  const integer = field === "minCount" || field === "maxCount";
  return checkNumber(ctx, value, where, "value", { integer, min: 0 });
}
