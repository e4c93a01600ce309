/**
 * The matchmaking catalog: which configurations and queues clients may name, and which rule-set
 * attributes they may set. Pure: nothing here reads a file or the environment. The edge builds the
 * serialisable {@link CatalogDocument} from the parsed files of infra/gamelift (rule sets,
 * configurations and queues, the one source of truth, plus `catalog.json`, the client-facing
 * choices) with {@link catalogDocument}, passes it to the handlers (the SST link `Catalog`; locally
 * `SST_RESOURCE_Catalog`) and each side turns it into a {@link Catalog} with {@link createCatalog}.
 */
import * as z from "zod/mini";
import { once } from "../once.js";

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

/** A queue as the document carries it: game property patterns as regular-expression sources. */
export interface QueueEntry extends Omit<QueueProfile, "gameProperties"> {
  readonly gameProperties: Readonly<Record<string, string>>;
}

/**
 * The catalog as data (JSON): what infra links to the handlers and the local stage sets. The first
 * configuration and the first queue are the defaults. Kept small on purpose (only what clients may
 * choose, a few hundred bytes for arena): it travels as an SST link, and Lambda caps a function's
 * environment at 4 KB in total should a link ever be carried there.
 */
export interface CatalogDocument {
  readonly configurations: readonly ConfigurationProfile[];
  readonly queues: readonly QueueEntry[];
}

/** The catalog of one stage: every profile clients may name, the defaults, and look-ups by key. */
export interface Catalog {
  /** The document it was built from (serialisable; the OpenAPI generator and the links carry it). */
  readonly document: CatalogDocument;
  /** Every configuration clients may name; the first is the default. */
  readonly configurations: readonly ConfigurationProfile[];
  /** Every queue clients may name for direct placements; the first is the default. */
  readonly queues: readonly QueueProfile[];
  readonly defaultConfiguration: ConfigurationProfile;
  readonly defaultQueue: QueueProfile;
  /** The configuration profile with this public key. */
  findConfiguration(key: string): ConfigurationProfile | undefined;
  /** The queue profile with this public key. */
  findQueue(key: string): QueueProfile | undefined;
  /** Every client-settable attribute across configurations, with its rule-set type (for the API schema). */
  clientSettableAttributes(): readonly RuleSetAttribute[];
}

/** The parsed JSON files of infra/gamelift a catalog is derived from. */
export interface CatalogFiles {
  /** Every `rulesets/*.json`. */
  readonly ruleSets: readonly unknown[];
  /** Every `configurations/*.json`. */
  readonly configurations: readonly unknown[];
  /** Every `queues/*.json`. */
  readonly queues: readonly unknown[];
  /** `catalog.json`: the client-facing choices (see infra/gamelift/README.md). */
  readonly choices: unknown;
}

/** The catalog files or document are malformed or refer to something missing. */
export class CatalogError extends Error {
  public constructor(message: string) {
    super(`matchmaking catalog: ${message}`);
    this.name = "CatalogError";
  }
}

/** Catalog names (configurations, rule sets, queues, attributes); every catalog schema is built on first use. */
const catalogName = /* @__PURE__ */ once(() => z.string().check(z.minLength(1), z.maxLength(128)));
const attributeType = /* @__PURE__ */ once(() => z.enum(["string", "number", "string_list", "string_number_map"]));
const attribute = /* @__PURE__ */ once(() =>
  z.object({ name: catalogName(), type: attributeType(), default: z.optional(z.unknown()) }),
);
const positiveInt = /* @__PURE__ */ once(() => z.number().check(z.int(), z.positive()));
/** Game property key → the regular-expression source its values must match. */
const gamePropertyPatterns = /* @__PURE__ */ once(() => z.record(catalogName(), z.string().check(z.minLength(1))));

const ruleSetFile = /* @__PURE__ */ once(() =>
  z.looseObject({ name: catalogName(), playerAttributes: z.optional(z.array(attribute())) }),
);
const configurationFile = /* @__PURE__ */ once(() =>
  z.looseObject({
    Name: catalogName(),
    RuleSetName: catalogName(),
    AcceptanceRequired: z.boolean(),
    RequestTimeoutSeconds: positiveInt(),
  }),
);
const queueFile = /* @__PURE__ */ once(() =>
  z.looseObject({ Name: catalogName(), TimeoutInSeconds: z.optional(positiveInt()) }),
);
const choicesFile = /* @__PURE__ */ once(() =>
  z.strictObject({
    configurations: z
      .array(z.strictObject({ name: catalogName(), clientSettable: z.array(catalogName()) }))
      .check(z.minLength(1)),
    queues: z
      .array(
        z.strictObject({
          name: catalogName(),
          maxPlayerSessionCount: positiveInt(),
          gameProperties: gamePropertyPatterns(),
        }),
      )
      .check(z.minLength(1)),
  }),
);

const documentSchema = /* @__PURE__ */ once(() =>
  z.strictObject({
    configurations: z
      .array(
        z.strictObject({
          key: catalogName(),
          ruleSetName: catalogName(),
          attributes: z.array(z.strictObject(attribute().shape)),
          clientSettable: z.array(catalogName()),
          acceptanceRequired: z.boolean(),
          requestTimeoutSeconds: positiveInt(),
        }),
      )
      .check(z.minLength(1)),
    queues: z
      .array(
        z.strictObject({
          key: catalogName(),
          gameProperties: gamePropertyPatterns(),
          maxPlayerSessionCount: positiveInt(),
          timeoutSeconds: positiveInt(),
        }),
      )
      .check(z.minLength(1)),
  }),
);

function parse<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  throw new CatalogError(`${what} is malformed (${issues})`);
}

/** GameLift's default queue timeout when a queue file names none. */
const DEFAULT_QUEUE_TIMEOUT_SECONDS = 600;

/**
 * Derives the catalog document from the parsed files of infra/gamelift: for each configuration
 * `catalog.json` names, its rule set's player attributes and the configuration's own fields, plus
 * the client choices; for each queue, its timeout plus the choices.
 * @throws CatalogError naming the file or choice that is malformed or refers to something missing.
 * @example const doc = catalogDocument({ ruleSets, configurations, queues, choices });
 */
export function catalogDocument(files: CatalogFiles): CatalogDocument {
  const ruleSets = files.ruleSets.map((f, i) => parse(ruleSetFile(), f, `rule set file #${i + 1}`));
  const configurations = files.configurations.map((f, i) =>
    parse(configurationFile(), f, `configuration file #${i + 1}`),
  );
  const queues = files.queues.map((f, i) => parse(queueFile(), f, `queue file #${i + 1}`));
  const choices = parse(choicesFile(), files.choices, "catalog.json");
  const doc: CatalogDocument = {
    configurations: choices.configurations.map((choice) => {
      const configuration = configurations.find((c) => c.Name === choice.name);
      if (!configuration) throw new CatalogError(`configuration "${choice.name}" is not in configurations/`);
      const ruleSet = ruleSets.find((r) => r.name === configuration.RuleSetName);
      if (!ruleSet) throw new CatalogError(`rule set "${configuration.RuleSetName}" is not in rulesets/`);
      return {
        key: configuration.Name,
        ruleSetName: ruleSet.name,
        attributes: (ruleSet.playerAttributes ?? []).map((a) => ({
          name: a.name,
          type: a.type,
          ...(a.default === undefined ? {} : { default: a.default }),
        })),
        clientSettable: choice.clientSettable,
        acceptanceRequired: configuration.AcceptanceRequired,
        requestTimeoutSeconds: configuration.RequestTimeoutSeconds,
      };
    }),
    queues: choices.queues.map((choice) => {
      const queue = queues.find((q) => q.Name === choice.name);
      if (!queue) throw new CatalogError(`queue "${choice.name}" is not in queues/`);
      return {
        key: queue.Name,
        gameProperties: choice.gameProperties,
        maxPlayerSessionCount: choice.maxPlayerSessionCount,
        timeoutSeconds: queue.TimeoutInSeconds ?? DEFAULT_QUEUE_TIMEOUT_SECONDS,
      };
    }),
  };
  // The same checks every consumer of the document runs.
  createCatalog(doc);
  return doc;
}

function unique(keys: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) throw new CatalogError(`${what} "${key}" is listed twice`);
    seen.add(key);
  }
}

function pattern(source: string, where: string): RegExp {
  try {
    return new RegExp(source);
  } catch (err) {
    throw new CatalogError(`${where} is not a valid regular expression (${(err as Error).message})`);
  }
}

/**
 * Builds the {@link Catalog} of a document (as linked, or from {@link catalogDocument}), checking it:
 * at least one configuration and queue, unique keys, client-settable names the rule set declares,
 * game property patterns that compile.
 * @throws CatalogError naming what is wrong.
 * @example const catalog = createCatalog(JSON.parse(process.env.SST_RESOURCE_Catalog ?? "null"));
 */
export function createCatalog(value: unknown): Catalog {
  const document: CatalogDocument = parse(documentSchema(), value, "document");
  unique(
    document.configurations.map((c) => c.key),
    "configuration",
  );
  unique(
    document.queues.map((q) => q.key),
    "queue",
  );
  const configurations: readonly ConfigurationProfile[] = document.configurations;
  // Every client-settable attribute across configurations, one type each.
  const attributes = new Map<string, RuleSetAttribute>();
  for (const c of configurations) {
    for (const settable of c.clientSettable) {
      const attr = c.attributes.find((a) => a.name === settable);
      if (!attr)
        throw new CatalogError(
          `client-settable "${settable}" of configuration "${c.key}" is not declared by rule set ${c.ruleSetName}`,
        );
      const seen = attributes.get(settable);
      if (seen && seen.type !== attr.type)
        throw new CatalogError(`client-settable "${settable}" has type ${seen.type} and ${attr.type} in two rule sets`);
      attributes.set(settable, attr);
    }
  }
  const clientSettable = [...attributes.values()];
  const queues: readonly QueueProfile[] = document.queues.map((q) => ({
    ...q,
    gameProperties: Object.fromEntries(
      Object.entries(q.gameProperties).map(([k, source]) => [
        k,
        pattern(source, `game property "${k}" of queue "${q.key}"`),
      ]),
    ),
  }));
  return {
    document,
    configurations,
    queues,
    defaultConfiguration: configurations[0] as ConfigurationProfile,
    defaultQueue: queues[0] as QueueProfile,
    findConfiguration: (key) => configurations.find((c) => c.key === key),
    findQueue: (key) => queues.find((q) => q.key === key),
    clientSettableAttributes: () => clientSettable,
  };
}
