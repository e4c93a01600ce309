/**
 * The edge: the ONE module that reads what the deployment gives a handler — SST links
 * (`Resource.<Name>`; locally `SST_RESOURCE_<Name>`) and `MATCHPLACE_*` settings — with one error
 * type, {@link EdgeConfigError}. Everything below the handlers receives plain values.
 */
import { Resource } from "sst";
import {
  type Catalog,
  createCatalog,
  defaultSkillScale,
  type EventTrust,
  parseEventTrust,
  type ServerFleetMap,
  type SkillScale,
} from "@matchplace/core";
import * as z from "zod/mini";

/** A linked resource or a setting is missing or malformed in this environment (thrown at cold start). */
class EdgeConfigError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EdgeConfigError";
  }
}

/** The linked resource `name`, or {@link EdgeConfigError} when the link is absent. */
function linkedResource(name: string): Record<string, unknown> {
  let resource: unknown;
  try {
    resource = (Resource as unknown as Record<string, unknown>)[name];
  } catch (err) {
    throw new EdgeConfigError(`linked resource ${name} is not set (SST_RESOURCE_${name})`, { cause: err });
  }
  if (typeof resource !== "object" || resource === null)
    throw new EdgeConfigError(`linked resource ${name} is not set (SST_RESOURCE_${name})`);
  return resource as Record<string, unknown>;
}

/**
 * Reads a non-empty string field of a linked resource (`Resource.Table.name`) without needing
 * generated `sst-env.d.ts` types.
 * @throws EdgeConfigError naming the link and field.
 * @example const tableName = linkedString("Table", "name");
 */
export function linkedString(name: string, field: string): string {
  let value: unknown;
  try {
    value = linkedResource(name)[field];
  } catch (err) {
    throw new EdgeConfigError(`linked resource ${name}.${field} is not set (SST_RESOURCE_${name})`, { cause: err });
  }
  if (typeof value !== "string" || value === "")
    throw new EdgeConfigError(`linked resource ${name}.${field} is not set (SST_RESOURCE_${name})`);
  return value;
}

/** Names the API needs, from SST links (locally: `SST_RESOURCE_Table` / `SST_RESOURCE_Matchmaking`). */
export interface LinkedNames {
  readonly tableName: string;
  readonly configurationName: string;
  readonly queueName: string;
}

/**
 * Reads the linked names the API needs.
 * @throws EdgeConfigError naming the missing link.
 */
export function linkedNames(): LinkedNames {
  return {
    tableName: linkedString("Table", "name"),
    configurationName: linkedString("Matchmaking", "configurationName"),
    queueName: linkedString("Matchmaking", "queueName"),
  };
}

/**
 * This stage's identity for vetting GameLift events, from the `EventsTrust` link (infra/trust.ts;
 * the local stage sets `SST_RESOURCE_EventsTrust` from its seeded emulator). Fails closed: a missing
 * or malformed link throws where it is read (the consumer and the DLQ redrive read it once, on their
 * first invocation, which then fails and is retried), so no event is ever folded unvetted.
 */
export function linkedTrust(): EventTrust {
  // SST adds a `type` member to linked resources; the trust schema is strict about the rest.
  const { type: _type, ...fields } = linkedResource("EventsTrust");
  return parseEventTrust(fields);
}

let catalog: Catalog | undefined;

/**
 * The stage's matchmaking catalog, from the `Catalog` link (infra/catalog.ts; the local stage sets
 * `SST_RESOURCE_Catalog`), both built by core's `catalogDocument` from infra/gamelift. Read on first
 * use and kept for the process; only the handlers that name profiles are linked to it.
 * @throws EdgeConfigError when the link is missing or its document is malformed.
 */
export function linkedCatalog(): Catalog {
  if (catalog) return catalog;
  // SST adds a `type` member to linked resources; the document is strict about the rest.
  const { type: _type, ...document } = linkedResource("Catalog");
  try {
    catalog = createCatalog(document);
  } catch (err) {
    throw new EdgeConfigError(`linked resource Catalog is malformed: ${(err as Error).message}`, { cause: err });
  }
  return catalog;
}

/**
 * Reads an optional positive number setting from the environment, else `fallback`.
 * @throws EdgeConfigError when it is set but not a positive number.
 */
export function numberSetting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new EdgeConfigError(`${name} must be a positive number, got "${raw}"`);
  return n;
}

/** Seconds terminal tickets/placements are kept before TTL expiry: `MATCHPLACE_RETENTION_SECONDS`, default 24 h. */
export function retentionSeconds(): number {
  return numberSetting("MATCHPLACE_RETENTION_SECONDS", 24 * 60 * 60);
}

const fleetMapSchema = (): z.ZodMiniType<ServerFleetMap> =>
  z.record(z.string().check(z.minLength(1)), z.union([z.array(z.string().check(z.minLength(1))), z.literal("*")]));

/** What the rating code reads from the environment (at the edge, once per process). */
export interface RatingConfig {
  readonly skillScale: SkillScale;
  /** Game-server principal (role/user ARN) → fleet ids; empty = no game server may report. */
  readonly serverFleets: ServerFleetMap;
}

/**
 * Reads `MATCHPLACE_SKILL_BASIS` (`display` = μ − 3σ, default, or `mu`) and
 * `MATCHPLACE_SERVER_FLEETS` (JSON `{"arn:aws:iam::<account>:role/<fleet role>": ["fleet-…"] | "*"}`).
 * @throws EdgeConfigError naming the malformed variable.
 */
export function ratingConfig(env: NodeJS.ProcessEnv = process.env): RatingConfig {
  const basis = env["MATCHPLACE_SKILL_BASIS"] ?? "display";
  if (basis !== "display" && basis !== "mu")
    throw new EdgeConfigError("environment variable MATCHPLACE_SKILL_BASIS is malformed");
  let serverFleets: ServerFleetMap = {};
  const raw = env["MATCHPLACE_SERVER_FLEETS"];
  if (raw !== undefined && raw !== "") {
    try {
      serverFleets = fleetMapSchema().parse(JSON.parse(raw));
    } catch (err) {
      throw new EdgeConfigError("environment variable MATCHPLACE_SERVER_FLEETS is malformed", { cause: err });
    }
  }
  return { skillScale: { ...defaultSkillScale, basis }, serverFleets };
}
