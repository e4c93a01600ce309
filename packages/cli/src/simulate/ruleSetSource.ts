import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { validateRuleSet } from "@matchplace/gamelift-local/flexmatch";
import { RefusedError } from "../errors.js";

/** The matchmaking configuration fields a simulation takes from `infra/gamelift/configurations`. */
interface BaseConfiguration {
  RequestTimeoutSeconds: number;
  AcceptanceRequired: boolean;
  AcceptanceTimeoutSeconds?: number;
  AdditionalPlayerCount: number;
  BackfillMode: "AUTOMATIC" | "MANUAL";
  GameProperties: { Key: string; Value: string }[];
}

/** A rule set to simulate, with the configuration and queue that use it in infra/gamelift (if any). */
export interface RuleSetSource {
  /** The rule set's name (its `name`, else the file name). */
  name: string;
  /** Where it came from, for reports. */
  path: string;
  body: string;
  configuration: BaseConfiguration;
  queue?: { PlayerLatencyPolicies?: unknown[] };
}

const defaults: BaseConfiguration = {
  RequestTimeoutSeconds: 120,
  AcceptanceRequired: false,
  AdditionalPlayerCount: 0,
  BackfillMode: "MANUAL",
  GameProperties: [],
};

/** `infra/gamelift` in `cwd` or the nearest parent that has one. */
function findInfraGameLift(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, "infra", "gamelift");
    if (existsSync(join(candidate, "rulesets"))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function jsonFiles(dir: string): { file: string; body: Record<string, unknown> }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({
      file: join(dir, f),
      body: JSON.parse(readFileSync(join(dir, f), "utf8")) as Record<string, unknown>,
    }));
}

/**
 * Resolves `--rule-set`: a path to a rule-set JSON file, or the name of one in
 * `infra/gamelift/rulesets` (its `name` or file name). The configuration in
 * `infra/gamelift/configurations` that names the rule set supplies timeouts and acceptance.
 * @throws RefusedError when nothing matches or the rule set is invalid (every problem named).
 */
export function resolveRuleSet(spec: string, cwd: string): RuleSetSource {
  const infra = findInfraGameLift(cwd);
  const asPath = resolve(cwd, spec);
  let path: string | undefined = existsSync(asPath) ? asPath : undefined;
  if (path === undefined && infra !== undefined) {
    path = jsonFiles(join(infra, "rulesets")).find(
      (f) => f.body["name"] === spec || basename(f.file, ".json") === spec,
    )?.file;
  }
  if (path === undefined) {
    throw new RefusedError(
      `rule set "${spec}" is neither a file nor a rule set in ${infra ?? "infra/gamelift/rulesets"}`,
    );
  }
  const body = readFileSync(path, "utf8");
  const check = validateRuleSet(body);
  if (!check.valid) {
    throw new RefusedError(
      `${path}: invalid rule set\n${check.errors.map((e) => `  - ${e.path}: ${e.message}`).join("\n")}`,
    );
  }
  const parsedName = (JSON.parse(body) as { name?: unknown }).name;
  const name =
    typeof parsedName === "string" && /^[a-zA-Z0-9-.]+$/.test(parsedName)
      ? parsedName
      : basename(path, ".json").replace(/[^a-zA-Z0-9-.]/g, "-");
  const names = new Set([name, basename(path, ".json")]);
  const config = infra
    ? jsonFiles(join(infra, "configurations")).find((c) => names.has(String(c.body["RuleSetName"])))
    : undefined;
  const queueName = (config?.body["GameSessionQueues"] as string[] | undefined)?.[0];
  const queue =
    infra && queueName ? jsonFiles(join(infra, "queues")).find((q) => q.body["Name"] === queueName)?.body : undefined;
  const c = config?.body ?? {};
  const configuration: BaseConfiguration = {
    RequestTimeoutSeconds:
      typeof c["RequestTimeoutSeconds"] === "number" ? c["RequestTimeoutSeconds"] : defaults.RequestTimeoutSeconds,
    AcceptanceRequired:
      typeof c["AcceptanceRequired"] === "boolean" ? c["AcceptanceRequired"] : defaults.AcceptanceRequired,
    AdditionalPlayerCount:
      typeof c["AdditionalPlayerCount"] === "number" ? c["AdditionalPlayerCount"] : defaults.AdditionalPlayerCount,
    BackfillMode: c["BackfillMode"] === "AUTOMATIC" ? "AUTOMATIC" : "MANUAL",
    GameProperties: Array.isArray(c["GameProperties"])
      ? (c["GameProperties"] as BaseConfiguration["GameProperties"])
      : [],
    ...(typeof c["AcceptanceTimeoutSeconds"] === "number"
      ? { AcceptanceTimeoutSeconds: c["AcceptanceTimeoutSeconds"] }
      : {}),
  };
  return {
    name,
    path,
    body,
    configuration,
    ...(queue
      ? {
          queue: {
            ...(Array.isArray(queue["PlayerLatencyPolicies"])
              ? { PlayerLatencyPolicies: queue["PlayerLatencyPolicies"] as unknown[] }
              : {}),
          },
        }
      : {}),
  };
}
