import { z } from "zod";

/**
 * The population file of `matchplace simulate`: who arrives, when, with which attributes,
 * latencies, party sizes and acceptance behaviour, and the configuration and fleet they meet.
 * Every field is documented in packages/cli/README.md ("Population file").
 */

const weight = z.number().min(0);

/** A number: fixed, normal (clamped to min/max), uniform, or picked from a list / weighted values. */
const numberDistribution = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("constant"), value: z.number() }),
  z.strictObject({
    kind: z.literal("normal"),
    mean: z.number(),
    stddev: z.number().min(0),
    min: z.number().optional(),
    max: z.number().optional(),
    round: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal("uniform"), min: z.number(), max: z.number(), round: z.boolean().optional() }),
  z.strictObject({ kind: z.literal("list"), values: z.array(z.number()).min(1) }),
  z.strictObject({
    kind: z.literal("categorical"),
    values: z.array(z.strictObject({ value: z.number(), weight })).min(1),
  }),
]);

/** Fixed, uniformly picked from a list, or weighted values of some type. */
const choice = <T extends z.ZodType>(value: T) =>
  [
    z.strictObject({ kind: z.literal("constant"), value }),
    z.strictObject({ kind: z.literal("list"), values: z.array(value).min(1) }),
    z.strictObject({ kind: z.literal("categorical"), values: z.array(z.strictObject({ value, weight })).min(1) }),
  ] as const;

const stringDistribution = z.discriminatedUnion("kind", [...choice(z.string().min(1))]);

const stringListDistribution = z.discriminatedUnion("kind", [
  ...choice(z.array(z.string().min(1))),
  /** Each item is in the list with its own probability. */
  z.strictObject({
    kind: z.literal("subset"),
    items: z.array(z.strictObject({ value: z.string().min(1), probability: z.number().min(0).max(1) })).min(1),
  }),
]);

const stringNumberMapDistribution = z.discriminatedUnion("kind", [
  ...choice(z.record(z.string().min(1), z.number())),
  /** Each key's number drawn from its own distribution. */
  z.strictObject({ kind: z.literal("map"), entries: z.record(z.string().min(1), numberDistribution) }),
]);

const omit = { omitProbability: z.number().min(0).max(1).optional() };

/** One player attribute: its FlexMatch type and how values are drawn (`omitProbability`: sent without it). */
const attributeSpec = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("number"), distribution: numberDistribution, ...omit }),
  z.strictObject({ type: z.literal("string"), distribution: stringDistribution, ...omit }),
  z.strictObject({ type: z.literal("string_list"), distribution: stringListDistribution, ...omit }),
  z.strictObject({ type: z.literal("string_number_map"), distribution: stringNumberMapDistribution, ...omit }),
]);

const arrivals = z.discriminatedUnion("kind", [
  /** Players arrive at a constant average rate over `durationSeconds` (Poisson). */
  z.strictObject({ kind: z.literal("constant"), durationSeconds: z.number().positive() }),
  /**
   * A curve over a simulated day (or any span): `points` are (hour, relative rate) pairs, linearly
   * interpolated; the players are spread over `durationSeconds` following it.
   */
  z.strictObject({
    kind: z.literal("curve"),
    durationSeconds: z.number().positive(),
    points: z
      .array(z.strictObject({ hour: z.number().min(0), rate: z.number().min(0) }))
      .min(2)
      .refine((ps) => ps.every((p, i) => i === 0 || p.hour > (ps[i - 1]?.hour ?? -1)), "hours must ascend")
      .refine((ps) => ps.some((p) => p.rate > 0), "at least one rate must be above 0"),
  }),
]);

const region = z.strictObject({
  /** A label for reports (e.g. `eu-players`). */
  name: z.string().min(1),
  weight,
  /** Latency to each GameLift location (e.g. `us-east-1`), in ms. */
  latencyMs: z.record(z.string().min(1), numberDistribution),
});

/** The whole population file. */
export const populationSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  /** Total players (`--players` overrides it). */
  players: z.number().int().min(1).max(10_000_000),
  arrivals,
  /** Party-size mix: a ticket holds `size` players (1..10) with probability ∝ weight. */
  parties: z
    .array(z.strictObject({ size: z.number().int().min(1).max(10), weight }))
    .min(1)
    .default([{ size: 1, weight: 1 }]),
  attributes: z.record(z.string().min(1), attributeSpec).default({}),
  /** Where players are; without regions no latencies are sent. */
  regions: z.array(region).default([]),
  acceptance: z
    .strictObject({
      /** Chance that a player accepts a proposed match (the others reject). */
      probability: z.number().min(0).max(1),
      /** Seconds until the player answers. */
      delaySeconds: numberDistribution,
    })
    .default({ probability: 1, delaySeconds: { kind: "constant", value: 1 } }),
  /** Overrides of the matchmaking configuration (its timeouts, acceptance). */
  configuration: z
    .strictObject({
      requestTimeoutSeconds: z.number().int().min(1).max(43_200).optional(),
      acceptanceRequired: z.boolean().optional(),
      acceptanceTimeoutSeconds: z.number().int().min(1).max(600).optional(),
      additionalPlayerCount: z.number().int().min(0).optional(),
      backfillMode: z.enum(["AUTOMATIC", "MANUAL"]).optional(),
    })
    .default({}),
  /** The game servers matches are placed on (a queue over one fleet with a location per region). */
  fleet: z
    .strictObject({
      locations: z
        .array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, "a GameLift location such as us-east-1"))
        .min(1)
        .optional(),
      instancesPerLocation: z.number().int().min(1).max(1000).default(10),
      gameSessionsPerInstance: z.number().int().min(1).max(50).default(50),
      gameSessionSeconds: numberDistribution.default({ kind: "constant", value: 600 }),
      queueTimeoutSeconds: z.number().int().min(1).max(3600).default(60),
    })
    .default({
      instancesPerLocation: 10,
      gameSessionsPerInstance: 50,
      gameSessionSeconds: { kind: "constant", value: 600 },
      queueTimeoutSeconds: 60,
    }),
  /** Virtual seconds between two engine ticks (GameLift batches roughly every second or so). */
  tickSeconds: z.number().min(0.1).max(60).default(1),
  /** Number attribute used for skill bands and balance plots (default: a number attribute named like skill/mmr/rank). */
  skillAttribute: z.string().min(1).optional(),
});

/** A parsed population (defaults filled). */
export type Population = z.output<typeof populationSchema>;
/** A number distribution. */
export type NumberDistribution = z.output<typeof numberDistribution>;
/** One attribute's spec. */
export type AttributeSpec = z.output<typeof attributeSpec>;
