/** Parsing of the `playerAttributes`, `algorithm` and `teams` sections. */
import type { Algorithm, AttributeType, AttributeValue, PlayerAttributeDefinition, TeamDefinition } from "../types.js";
import {
  isObject,
  issue,
  readEnum,
  readNumber,
  readString,
  rejectUnknown,
  toNumber,
  type ParseContext,
} from "./fields.js";

const ATTRIBUTE_TYPES: readonly AttributeType[] = ["string", "number", "string_list", "string_number_map"];

/** Converts a declared default to GameLift's attribute shape, or a message when it does not fit the type. */
const toDefault = (type: AttributeType, v: unknown): AttributeValue | string => {
  // Accept GameLift's own shape too ({"N": 10}).
  if (isObject(v) && Object.keys(v).length === 1) {
    const [k] = Object.keys(v);
    const inner = v[k ?? ""];
    if (k === "N" || k === "S" || k === "SL" || k === "SDM") return toDefault(type, inner);
  }
  switch (type) {
    case "number": {
      const n = toNumber(v);
      return n === undefined ? "a number attribute's default must be a number" : { N: n };
    }
    case "string":
      return typeof v === "string" ? { S: v } : "a string attribute's default must be a string";
    case "string_list":
      return Array.isArray(v) && v.every((x) => typeof x === "string")
        ? { SL: [...new Set(v)] }
        : "a string_list attribute's default must be a list of strings";
    case "string_number_map": {
      if (!isObject(v)) return "a string_number_map attribute's default must be an object of numbers";
      const out: Record<string, number> = {};
      for (const [k, x] of Object.entries(v)) {
        const n = toNumber(x);
        if (n === undefined) return "a string_number_map attribute's default must be an object of numbers";
        out[k] = n;
      }
      return { SDM: out };
    }
  }
};

/** Parses `playerAttributes`. */
export function parsePlayerAttributes(ctx: ParseContext, raw: unknown): PlayerAttributeDefinition[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    issue(ctx, "playerAttributes", `"playerAttributes" must be an array`);
    return [];
  }
  const out: PlayerAttributeDefinition[] = [];
  const seen = new Set<string>();
  for (const [i, a] of raw.entries()) {
    const path = `playerAttributes[${i}]`;
    if (!isObject(a)) {
      issue(ctx, path, "a player attribute must be an object");
      continue;
    }
    rejectUnknown(ctx, a, path, ["name", "type", "default"]);
    const name = readString(ctx, a, "name", path, true);
    const type = readEnum(ctx, a, "type", path, ATTRIBUTE_TYPES);
    if (name !== undefined && seen.has(name)) issue(ctx, `${path}.name`, `duplicate player attribute "${name}"`);
    if (name === undefined || type === undefined) continue;
    seen.add(name);
    const def: PlayerAttributeDefinition = { name, type };
    if (a["default"] !== undefined) {
      const d = toDefault(type, a["default"]);
      if (typeof d === "string") issue(ctx, `${path}.default`, d);
      else def.default = d;
    }
    out.push(def);
  }
  return out;
}

/** Parses `algorithm`, filling documented defaults; `large` is Σ maxPlayers > 40. */
export function parseAlgorithm(
  ctx: ParseContext,
  raw: unknown,
  attributes: ReadonlyMap<string, AttributeType>,
  large: boolean,
): Algorithm {
  const a = raw === undefined ? {} : raw;
  const path = "algorithm";
  if (!isObject(a)) {
    issue(ctx, path, `"algorithm" must be an object`);
    return defaultAlgorithm(large);
  }
  rejectUnknown(ctx, a, path, [
    "strategy",
    "batchingPreference",
    "sortByAttributes",
    "expansionAgeSelection",
    "backfillPriority",
    "balancedAttribute",
  ]);
  const strategy =
    readEnum(
      ctx,
      a,
      "strategy",
      path,
      ["exhaustiveSearch", "balanced"] as const,
      large ? "balanced" : "exhaustiveSearch",
    ) ?? "exhaustiveSearch";
  if (large && strategy !== "balanced") {
    issue(ctx, `${path}.strategy`, `a large match (teams' maxPlayers total more than 40) needs strategy "balanced"`);
  }
  const allowed =
    strategy === "balanced" ? (["largestPopulation", "fastestRegion"] as const) : (["random", "sorted"] as const);
  const batchingPreference = readEnum(ctx, a, "batchingPreference", path, allowed, allowed[0]) ?? allowed[0];
  const sortByAttributes: string[] = [];
  const rawSort = a["sortByAttributes"];
  if (rawSort !== undefined) {
    if (!Array.isArray(rawSort))
      issue(ctx, `${path}.sortByAttributes`, `"sortByAttributes" must be an array of attribute names`);
    else {
      rawSort.forEach((n: unknown, i) => {
        if (typeof n !== "string" || !attributes.has(n)) {
          issue(ctx, `${path}.sortByAttributes[${i}]`, `undeclared player attribute ${JSON.stringify(n)}`);
        } else sortByAttributes.push(n);
      });
    }
  }
  if (batchingPreference === "sorted" && rawSort === undefined) {
    issue(ctx, `${path}.sortByAttributes`, `batchingPreference "sorted" needs "sortByAttributes"`);
  }
  const algorithm: Algorithm = {
    strategy,
    batchingPreference,
    sortByAttributes,
    expansionAgeSelection:
      readEnum(ctx, a, "expansionAgeSelection", path, ["newest", "oldest"] as const, "newest") ?? "newest",
    backfillPriority:
      readEnum(ctx, a, "backfillPriority", path, ["normal", "low", "high"] as const, "normal") ?? "normal",
  };
  const balanced = readString(ctx, a, "balancedAttribute", path, strategy === "balanced");
  if (balanced !== undefined) {
    if (attributes.get(balanced) !== "number") {
      issue(ctx, `${path}.balancedAttribute`, `"balancedAttribute" must name a declared number attribute`);
    } else algorithm.balancedAttribute = balanced;
  }
  return algorithm;
}

const defaultAlgorithm = (large: boolean): Algorithm => ({
  strategy: large ? "balanced" : "exhaustiveSearch",
  batchingPreference: large ? "largestPopulation" : "random",
  sortByAttributes: [],
  expansionAgeSelection: "newest",
  backfillPriority: "normal",
});

/** Parses `teams` (at least one; unique names; 0 ≤ minPlayers ≤ maxPlayers; Σ maxPlayers ≤ 200). */
export function parseTeams(ctx: ParseContext, raw: unknown): TeamDefinition[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    issue(ctx, "teams", `"teams" must be a non-empty array`);
    return [];
  }
  const out: TeamDefinition[] = [];
  const seen = new Set<string>();
  for (const [i, t] of raw.entries()) {
    const path = `teams[${i}]`;
    if (!isObject(t)) {
      issue(ctx, path, "a team must be an object");
      continue;
    }
    rejectUnknown(ctx, t, path, ["name", "minPlayers", "maxPlayers", "quantity"]);
    const name = readString(ctx, t, "name", path, true);
    if (name !== undefined && seen.has(name)) issue(ctx, `${path}.name`, `duplicate team "${name}"`);
    const minPlayers = readNumber(ctx, t, "minPlayers", path, { required: true, integer: true, min: 0 });
    const maxPlayers = readNumber(ctx, t, "maxPlayers", path, { required: true, integer: true, min: 1 });
    const quantity = readNumber(ctx, t, "quantity", path, { integer: true, min: 1 }) ?? 1;
    if (minPlayers !== undefined && maxPlayers !== undefined && minPlayers > maxPlayers) {
      issue(ctx, `${path}.minPlayers`, `"minPlayers" (${minPlayers}) exceeds "maxPlayers" (${maxPlayers})`);
    }
    if (name === undefined || minPlayers === undefined || maxPlayers === undefined) continue;
    seen.add(name);
    out.push({ name, minPlayers, maxPlayers, quantity });
  }
  const total = out.reduce((s, t) => s + t.maxPlayers * t.quantity, 0);
  if (total > 200) issue(ctx, "teams", `the teams' maxPlayers total ${total}, more than the 200-player limit`);
  return out;
}
