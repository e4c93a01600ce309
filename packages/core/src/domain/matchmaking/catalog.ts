/**
 * The matchmaking catalog: which configurations and queues clients may name, and which rule-set
 * attributes they may set. Attribute *types* come from the rule-set JSON in infra/gamelift (the one
 * source of truth, imported at build time); this module only declares what is client-settable.
 */
import arenaRuleSet from "../../../../../infra/gamelift/rulesets/arena-2v2.json" with { type: "json" };
import arenaConfiguration from "../../../../../infra/gamelift/configurations/arena.json" with { type: "json" };
import arenaQueue from "../../../../../infra/gamelift/queues/arena.json" with { type: "json" };

/** A FlexMatch player attribute type. */
export type RuleSetAttributeType = "string" | "number" | "string_list" | "string_number_map";

/** A player attribute declared by a rule set. */
export interface RuleSetAttribute {
  readonly name: string;
  readonly type: RuleSetAttributeType;
  readonly default?: unknown;
}

/** A configuration clients may choose, with the attributes they may set for it. */
export interface ConfigurationProfile {
  /** Public name clients send (`configuration`), also the configuration's name in infra. */
  readonly key: string;
  readonly ruleSetName: string;
  /** Every player attribute the rule set declares. */
  readonly attributes: readonly RuleSetAttribute[];
  /** Names of the attributes a client may set (a subset of `attributes`); the rest are server-side. */
  readonly clientSettable: readonly string[];
  readonly acceptanceRequired: boolean;
  readonly requestTimeoutSeconds: number;
}

/** A queue clients may place on, with the game properties they may set. */
export interface QueueProfile {
  readonly key: string;
  /** Allowed game property keys and the pattern each value must match. */
  readonly gameProperties: Readonly<Record<string, RegExp>>;
  readonly maxPlayerSessionCount: number;
  readonly timeoutSeconds: number;
}

const attributeTypes = new Set<string>(["string", "number", "string_list", "string_number_map"]);

function ruleSetAttributes(ruleSet: {
  playerAttributes?: { name: string; type: string; default?: unknown }[];
}): RuleSetAttribute[] {
  return (ruleSet.playerAttributes ?? []).map((a) => {
    if (!attributeTypes.has(a.type)) throw new Error(`rule set attribute ${a.name} has unknown type ${a.type}`);
    return { name: a.name, type: a.type as RuleSetAttributeType, default: a.default };
  });
}

/** Every configuration clients may name; the first is the default. */
export const configurationProfiles: readonly ConfigurationProfile[] = [
  {
    key: arenaConfiguration.Name,
    ruleSetName: arenaRuleSet.name,
    attributes: ruleSetAttributes(arenaRuleSet),
    clientSettable: ["mode"],
    acceptanceRequired: arenaConfiguration.AcceptanceRequired,
    requestTimeoutSeconds: arenaConfiguration.RequestTimeoutSeconds,
  },
];

/** Every queue clients may name for direct placements; the first is the default. */
export const queueProfiles: readonly QueueProfile[] = [
  {
    key: arenaQueue.Name,
    gameProperties: { mode: /^[a-z0-9-]{1,32}$/, map: /^[a-z0-9-]{1,32}$/ },
    maxPlayerSessionCount: 200,
    timeoutSeconds: arenaQueue.TimeoutInSeconds,
  },
];

/** The default configuration profile. */
export const defaultConfigurationProfile: ConfigurationProfile = configurationProfiles[0] as ConfigurationProfile;

/** The default queue profile. */
export const defaultQueueProfile: QueueProfile = queueProfiles[0] as QueueProfile;

/** Looks a configuration profile up by its public key. */
export function findConfigurationProfile(key: string): ConfigurationProfile | undefined {
  return configurationProfiles.find((p) => p.key === key);
}

/** Looks a queue profile up by its public key. */
export function findQueueProfile(key: string): QueueProfile | undefined {
  return queueProfiles.find((p) => p.key === key);
}

/** Every client-settable attribute across configurations, with its rule-set type (for the API schema). */
export function clientSettableAttributes(): readonly RuleSetAttribute[] {
  const out = new Map<string, RuleSetAttribute>();
  for (const profile of configurationProfiles) {
    for (const name of profile.clientSettable) {
      const attr = profile.attributes.find((a) => a.name === name);
      if (!attr) throw new Error(`client-settable ${name} is not declared by rule set ${profile.ruleSetName}`);
      out.set(name, attr);
    }
  }
  return [...out.values()];
}
