import { InvalidInputError } from "../../errors.js";
import type { Player, PlayerAttributeValue } from "../player/types.js";
import type { ConfigurationProfile, RuleSetAttributeType } from "./catalog.js";

/** True when `value` has the shape of a FlexMatch attribute of `type`. */
export function matchesAttributeType(type: RuleSetAttributeType, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "string_list":
      return Array.isArray(value) && value.every((v) => typeof v === "string");
    case "string_number_map":
      return (
        typeof value === "object" &&
        value !== null &&
        !Array.isArray(value) &&
        Object.values(value).every((v) => typeof v === "number" && Number.isFinite(v))
      );
  }
}

/**
 * Checks client-sent attributes against a configuration: only its client-settable attributes, each of
 * its rule-set type. `field` prefixes the path named in the error (e.g. `body.attributes`).
 * @throws InvalidInputError naming the first offending attribute.
 */
export function checkClientAttributes(
  profile: ConfigurationProfile,
  attributes: Readonly<Record<string, unknown>>,
  field: string,
): Readonly<Record<string, PlayerAttributeValue>> {
  for (const [name, value] of Object.entries(attributes)) {
    const declared = profile.attributes.find((a) => a.name === name);
    if (!declared || !profile.clientSettable.includes(name)) {
      throw new InvalidInputError(
        `${field}.${name}`,
        `not a client-settable attribute of configuration ${profile.key}`,
      );
    }
    if (!matchesAttributeType(declared.type, value)) {
      throw new InvalidInputError(`${field}.${name}`, `must be a ${declared.type}`);
    }
  }
  return attributes as Readonly<Record<string, PlayerAttributeValue>>;
}

/**
 * The attributes a player is matched with: server-side ones from the record (skill: `skillOf`, the
 * server-trusted rating; never a client number), then
 * client-settable ones from the request, else the player's stored preferences, else the rule-set
 * default. Attributes the rule set does not declare are never sent.
 */
export function playerAttributes(
  profile: ConfigurationProfile,
  player: Player,
  requested: Readonly<Record<string, PlayerAttributeValue>>,
  skillOf: (player: Player) => number = (p) => p.skill,
): Record<string, PlayerAttributeValue> {
  const out: Record<string, PlayerAttributeValue> = {};
  for (const attr of profile.attributes) {
    if (attr.name === "skill") {
      out[attr.name] = skillOf(player);
      continue;
    }
    if (!profile.clientSettable.includes(attr.name)) continue;
    const value = requested[attr.name] ?? player.preferences[attr.name];
    if (value !== undefined && matchesAttributeType(attr.type, value)) out[attr.name] = value;
  }
  return out;
}
