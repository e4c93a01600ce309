/**
 * Test stage for handler tests: a unique table in the shared DynamoDB Local, a real GameLift emulator
 * over HTTP seeded from infra/gamelift, and the env the handlers read — set BEFORE any handler is
 * imported (import handlers with `await import(...)` after `startStage()`).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";
import {
  CreateFleetCommand,
  CreateGameSessionQueueCommand,
  CreateMatchmakingConfigurationCommand,
  CreateMatchmakingRuleSetCommand,
  GameLiftClient,
  UpdateFleetCapacityCommand,
} from "@aws-sdk/client-gamelift";
import { DynamoDBClient, ScanCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { decodeMessage, foldDecoded, type EventTrust } from "@matchplace/core";
import { readCatalogDocument } from "@matchplace/core/catalog-files";
import { createDocumentClient, createTable, PlacementRepository, TicketRepository } from "@matchplace/core/dynamo";
import {
  ManualClock,
  startGameLiftEmulator,
  type GameLiftEmulator,
  type GameLiftEmulatorOptions,
} from "@matchplace/gamelift-local";
import { inject } from "vitest";

const region = "us-east-1";
const accountId = "123456789012";
const credentials = { accessKeyId: "test", secretAccessKey: "test" };
const infra = (p: string): string => fileURLToPath(new URL(`../../../../infra/gamelift/${p}`, import.meta.url));
const readJson = (p: string): Record<string, unknown> =>
  JSON.parse(readFileSync(infra(p), "utf8")) as Record<string, unknown>;

/** Options of {@link startStage}. */
export interface StageOptions {
  /** Configuration the stage links as its default (default `arena`). */
  readonly configurationName?: string;
  /** Also create an `arena-accept` configuration that requires acceptance. */
  readonly acceptance?: boolean;
  /** Emulator operations to replace (fault injection over the real wire, e.g. ThrottlingException). */
  readonly extraOperations?: GameLiftEmulatorOptions["extraOperations"];
  /** Override the GameLift endpoint the handlers use (e.g. a closed port). */
  readonly gameliftEndpoint?: string;
  /** Override the DynamoDB endpoint the handlers use (e.g. a closed port). */
  readonly dynamodbEndpoint?: string;
}

/** A running test stage. */
export interface Stage {
  readonly tableName: string;
  readonly emulator: GameLiftEmulator;
  readonly clock: ManualClock;
  readonly gamelift: GameLiftClient;
  readonly ddb: DynamoDBClient;
  readonly tickets: TicketRepository;
  readonly placements: PlacementRepository;
  /** Raw GameLift event messages published so far. */
  readonly events: string[];
  /** Advances the emulator's clock and ticks, folding published events into the table. */
  advance(ms: number, stepMs?: number): Promise<void>;
  /** Waits until every GameLift event published so far has been folded into the table. */
  settle(): Promise<void>;
  /** Every item in the table, unmarshalled and sorted by key (to check that refused requests wrote nothing). */
  items(): Promise<Record<string, unknown>[]>;
  /** Every item except per-player rate-limit counters (which count refused requests too). */
  stateItems(): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** Starts the stage and points the handler env at it. */
export async function startStage(options: StageOptions = {}): Promise<Stage> {
  const endpoint = inject("dynamodbEndpoint");
  const tableName = `mp-test-${randomUUID().slice(0, 8)}`;
  const ddb = new DynamoDBClient({ endpoint, region, credentials });
  await createTable(ddb, tableName);
  const doc = createDocumentClient({ client: ddb });
  const tickets = new TicketRepository({ client: doc, tableName });
  const placements = new PlacementRepository({ client: doc, tableName });
  const clock = new ManualClock(Date.now());
  const events: string[] = [];
  const pending: Promise<unknown>[] = [];
  // The stage's identity; the fleet id is filled in once seeded (no event comes before that).
  const fleetIds: string[] = [];
  const arn = (kind: string, name: string): string => `arn:aws:gamelift:${region}:${accountId}:${kind}/${name}`;
  const trust: EventTrust = {
    account: accountId,
    region,
    resources: [
      arn("matchmakingconfiguration", "arena"),
      arn("matchmakingconfiguration", "arena-accept"),
      arn("gamesessionqueue", "arena"),
    ],
    fleetIds,
  };
  const emulator = await startGameLiftEmulator({
    port: 0,
    region,
    accountId,
    clock,
    tickIntervalMs: 0,
    ...(options.extraOperations ? { extraOperations: options.extraOperations } : {}),
    notify: (_topic, message) => {
      events.push(message);
      pending.push(foldDecoded(decodeMessage(message), { tickets, placements, trust, clock }));
    },
  });
  const gamelift = new GameLiftClient({ endpoint: emulator.url, region, credentials, maxAttempts: 1 });
  fleetIds.push(await seed(gamelift, options.acceptance ?? false));

  Object.assign(process.env, {
    // Route metrics (EMF lines on stdout) stay off unless a test turns them on to assert them.
    POWERTOOLS_METRICS_DISABLED: process.env["POWERTOOLS_METRICS_DISABLED"] ?? "true",
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: options.dynamodbEndpoint ?? endpoint,
    AWS_ENDPOINT_URL_GAMELIFT: options.gameliftEndpoint ?? emulator.url,
    SST_RESOURCE_App: JSON.stringify({ name: "matchplace", stage: "test" }),
    SST_RESOURCE_Table: JSON.stringify({ name: tableName }),
    SST_RESOURCE_Matchmaking: JSON.stringify({
      configurationName: options.configurationName ?? "arena",
      queueName: "arena",
    }),
    SST_RESOURCE_EventsTrust: JSON.stringify(trust),
    // The matchmaking catalog of infra/gamelift, as infra links it and the local stage sets it.
    SST_RESOURCE_Catalog: JSON.stringify(readCatalogDocument(infra(""))),
    POWERTOOLS_LOG_LEVEL: "SILENT",
  });

  const advance = async (ms: number, stepMs = 500): Promise<void> => {
    for (let left = ms; left > 0; left -= stepMs) {
      clock.advance(Math.min(stepMs, left));
      await emulator.tick();
      await Promise.all(pending.splice(0));
    }
  };
  const items = async (): Promise<Record<string, unknown>[]> => {
    const out = await ddb.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
    const key = (i: Record<string, unknown>): string => `${String(i["pk"])}|${String(i["sk"])}`;
    return (out.Items ?? []).map((i) => unmarshall(i)).sort((a, b) => key(a).localeCompare(key(b)));
  };
  const stateItems = async (): Promise<Record<string, unknown>[]> =>
    (await items()).filter((i) => !String(i["pk"]).startsWith("RATE#"));
  return {
    tableName,
    emulator,
    clock,
    gamelift,
    ddb,
    tickets,
    placements,
    events,
    advance,
    items,
    stateItems,
    settle: async () => void (await Promise.all(pending.splice(0))),
    close: () => emulator.close(),
  };
}

/** Seeds the emulator; returns the fleet id the queue places on. */
async function seed(gl: GameLiftClient, acceptance: boolean): Promise<string> {
  const topicArn = `arn:aws:sns:${region}:${accountId}:matchplace-events`;
  await gl.send(
    new CreateMatchmakingRuleSetCommand({
      Name: "arena-2v2",
      RuleSetBody: readFileSync(infra("rulesets/arena-2v2.json"), "utf8"),
    }),
  );
  const { DesiredInstances, Queues: _queues, ...fleetInput } = readJson("fleets/local.json");
  const fleet = (await gl.send(new CreateFleetCommand(fleetInput as never))).FleetAttributes;
  if (!fleet?.FleetId || !fleet.FleetArn) throw new Error("fleet not created");
  await gl.send(
    new UpdateFleetCapacityCommand({
      FleetId: fleet.FleetId,
      DesiredInstances: Number(DesiredInstances ?? 1),
      MinSize: 0,
      MaxSize: 4,
    }),
  );
  const queue = readJson("queues/arena.json");
  await gl.send(
    new CreateGameSessionQueueCommand({
      ...(queue as { Name: string }),
      Destinations: [{ DestinationArn: fleet.FleetArn }],
      NotificationTarget: topicArn,
    }),
  );
  const { GameSessionQueues: _q, ...config } = readJson("configurations/arena.json") as Record<string, unknown> & {
    Name: string;
    RuleSetName: string;
    RequestTimeoutSeconds: number;
    AcceptanceRequired: boolean;
  };
  const queueArns = [`arn:aws:gamelift:${region}:${accountId}:gamesessionqueue/arena`];
  await gl.send(
    new CreateMatchmakingConfigurationCommand({
      ...config,
      GameSessionQueueArns: queueArns,
      NotificationTarget: topicArn,
    }),
  );
  if (acceptance) {
    await gl.send(
      new CreateMatchmakingConfigurationCommand({
        ...config,
        Name: "arena-accept",
        AcceptanceRequired: true,
        GameSessionQueueArns: queueArns,
        NotificationTarget: topicArn,
      }),
    );
  }
  return fleet.FleetId;
}
