/** Player attributes as the rule set declares them. */
import { toNumber } from "./parse/fields.js";
import type { AttributeValue, PlayerAttributeDefinition, RuleSet } from "./types.js";

const conform = (def: PlayerAttributeDefinition, v: AttributeValue): AttributeValue | undefined => {
  switch (def.type) {
    case "number": {
      if (typeof v.N === "number" && Number.isFinite(v.N)) return v;
      // A model example sends {"N": "23"}: numeric strings are accepted.
      const n = toNumber(v.N);
      return n === undefined ? undefined : { N: n };
    }
    case "string":
      return typeof v.S === "string" ? v : undefined;
    case "string_list":
      return Array.isArray(v.SL) ? { SL: [...new Set(v.SL)] } : undefined;
    case "string_number_map":
      return v.SDM !== undefined && typeof v.SDM === "object" ? { SDM: v.SDM } : undefined;
  }
};

/**
 * A player's attributes as the rule set sees them: only declared attributes, defaults filled in.
 * @returns undefined when a declared attribute without a default is missing or has the wrong
 * type — such a player (and so its ticket) can never match.
 * @example
 * playerAttributesWithDefaults(ruleSet, {}); // { skill: { N: 1000 }, mode: { SL: ["ranked"] } } for arena-2v2
 */
export function playerAttributesWithDefaults(
  ruleSet: RuleSet,
  attrs: Record<string, AttributeValue> | undefined,
): Record<string, AttributeValue> | undefined {
  return withDefaults(ruleSet, attrs, false);
}

/**
 * {@link playerAttributesWithDefaults} for the matcher: with `reuse`, when every declared
 * attribute is present and already in shape, the input object itself is returned (undeclared
 * extras are harmless there: expressions may only name declared attributes) — no copy per player.
 */
export function withDefaults(
  ruleSet: RuleSet,
  attrs: Record<string, AttributeValue> | undefined,
  reuse: boolean,
): Record<string, AttributeValue> | undefined {
  if (reuse && attrs) {
    let inShape = true;
    for (const def of ruleSet.playerAttributes) {
      const v = attrs[def.name];
      if (v === undefined || conform(def, v) !== v) {
        inShape = false;
        break;
      }
    }
    if (inShape) return attrs;
  }
  const out: Record<string, AttributeValue> = {};
  for (const def of ruleSet.playerAttributes) {
    const given = attrs?.[def.name];
    const value = given === undefined ? def.default : conform(def, given);
    if (value === undefined) return undefined;
    out[def.name] = value;
  }
  return out;
}
