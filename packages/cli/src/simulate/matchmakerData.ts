import type { RuleSet } from "@matchplace/gamelift-local/flexmatch";
import type { AttributeValue } from "./population/sample.js";
import type { MatchmakerAttribute } from "./types.js";

/**
 * A player's MatchmakerData `attributes`: the rule set's declared attributes only, defaults filled
 * in, each as `{ attributeType, valueAttribute }` (GameLift's wire form).
 */
export function matchmakerAttributes(
  ruleSet: RuleSet,
  given: Readonly<Record<string, AttributeValue>>,
): Record<string, MatchmakerAttribute> {
  const out: Record<string, MatchmakerAttribute> = {};
  for (const def of ruleSet.playerAttributes) {
    const v: { S?: string; N?: number; SL?: string[]; SDM?: Record<string, number> } =
      given[def.name] ?? def.default ?? {};
    if (v.N !== undefined) out[def.name] = { attributeType: "DOUBLE", valueAttribute: v.N };
    else if (v.S !== undefined) out[def.name] = { attributeType: "STRING", valueAttribute: v.S };
    else if (v.SL !== undefined) out[def.name] = { attributeType: "STRING_LIST", valueAttribute: [...new Set(v.SL)] };
    else if (v.SDM !== undefined) out[def.name] = { attributeType: "STRING_DOUBLE_MAP", valueAttribute: { ...v.SDM } };
  }
  return out;
}
