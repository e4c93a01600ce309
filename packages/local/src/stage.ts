import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { Logger } from "@aws-lambda-powertools/logger";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { GameLiftClient } from "@aws-sdk/client-gamelift";
import { createTable } from "@matchplace/core/dynamo";
import { realtime, routes, schedules, subscribers } from "@matchplace/functions/routes";
import {
  startGameLiftEmulator,
  type EmulatorFaults,
  type GameLiftEmulator,
  type GameServerBehaviour,
} from "@matchplace/gamelift-local";
import { LocalIssuer } from "./auth/LocalIssuer.js";
import { startLocalApiGateway, type LocalApiGateway } from "./api/LocalApiGateway.js";
import type { ServerCredential } from "./api/sigv4.js";
import { freePort, startDynamoDbLocal, type DynamoDbLocal } from "./dynamodb/DynamoDbLocal.js";
import { loadHandler, repoRoot } from "./handlers.js";
import { LocalSns } from "./sns/LocalSns.js";
import { startSnsServer, type SnsServer } from "./sns/snsServer.js";
import type { DeliveryFaults } from "./sns/faults.js";
import type { DeliveryEvent } from "./sns/types.js";
import { seedGameLift, readGameLiftFiles, type SeededGameLift } from "./seed.js";
import { expansionStep, ruleSetsByConfiguration, type RuleSetsByConfiguration } from "./dashboard/expansion.js";
import { startSchedule, type Schedule, type ScheduledRun } from "./schedule.js";
import { startLocalWebSocketGateway } from "./websocket/LocalWebSocketGateway.js";
import { startStreamPoller } from "./streams/StreamPoller.js";
import { DashboardBus } from "./dashboard/DashboardBus.js";
import { startDashboard } from "./dashboard/startDashboard.js";
import { eventTrustOf } from "./seed.js";
import { localCatalogDocument } from "./catalog.js";
import { pingBeaconsOf } from "./pingLatency.js";
export { parsePingLatency } from "./pingLatency.js";
import { createCapacityWatch } from "./capacityWatch.js";

/** Default ports of the local stage (documented in README and docs/architecture.md). */
export const defaultPorts = {
  api: 3000,
  websocket: 3001,
  dashboard: 3002,
  gamelift: 9080,
  dynamodb: 8000,
  sns: 9911,
  s3: 4569,
} as const;

/** Options for {@link startLocalStage}. Ports of 0 pick free ones (tests). */
export interface LocalStageOptions {
  readonly ports?: Partial<Record<keyof typeof defaultPorts, number>>;
  readonly region?: string;
  readonly accountId?: string;
  /** Keep DynamoDB and emulator state in this directory across restarts. */
  readonly persistDir?: string;
  /** Write `.matchplace/local.json` (off in tests). */
  readonly writeLocalJson?: boolean;
  readonly logLevel?: "DEBUG" | "INFO" | "WARN" | "ERROR";
  /** SNS delivery retry delays. */
  readonly snsRetryDelaysMs?: readonly number[];
  readonly snsFaults?: DeliveryFaults;
  /** The dice `snsFaults` roll (default Math.random); a seeded generator makes a faulty run replayable. */
  readonly snsRandom?: () => number;
  /** Emulator fault knobs (throttle a share of GameLift calls, drop/duplicate/delay its notifications), applied once seeded. */
  readonly gameliftFaults?: Partial<EmulatorFaults>;
  /** How often the reconciliation schedule runs; 0 turns it off. */
  readonly reconcileIntervalMs?: number;
  /** Lifetime of build upload credentials the emulator hands out. */
  readonly uploadCredentialsTtlMs?: number;
  /** The emulator's engine loop period. */
  readonly tickIntervalMs?: number;
  /** How the emulated game servers behave; wins over each fleet file's `GameServers` (`--match-seconds`, `--leave-share`). */
  readonly gameServers?: {
    readonly matchSeconds?: { readonly min: number; readonly max: number };
    readonly leaveShare?: number;
  };
  /** Scale-out delay: how long a new instance stays PENDING (default 5000; `--scale-out-seconds`). */
  readonly scaleOutDelayMs?: number;
  /** How often the fleets' scaling policies are evaluated (default 10000; GameLift: each minute; `--scaling-seconds`). */
  readonly scalingIntervalMs?: number;
  /** At most one "capacity ran out" line per this many ms (default 30000). */
  readonly capacityNoticeEveryMs?: number;
  /** How often the table's stream is read for the realtime dispatcher (default 50 ms). */
  readonly streamPollIntervalMs?: number;
  /** The game servers' SigV4 credentials (default: a fresh random pair per start, mapped to the seeded fleets). */
  readonly serverCredentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /**
   * One-way delay of each location's UDP ping beacon (ListLocations' `PingBeacon`), by location;
   * `default` for the others. Default: the stage's Region 20 ms, every other location 80 ms.
   */
  readonly pingLatencyMs?: Readonly<Record<string, number>>;
  /** More signers and the fleets each serves (tests: a server of another fleet). */
  readonly extraServerCredentials?: readonly (ServerCredential & { readonly fleetIds: readonly string[] })[];
}

/** Where everything is; also the content of `.matchplace/local.json`. */
export interface StageEndpoints {
  readonly api: string;
  /** The realtime WebSocket API (`?token=<JWT>`). */
  readonly websocket: string;
  readonly gamelift: string;
  readonly dynamodb: string;
  readonly sns: string;
  /** The local S3 that build uploads go to. */
  readonly s3: string;
  /** The live dashboard (a page served on 127.0.0.1). */
  readonly dashboard: string;
  readonly region: string;
  readonly accountId: string;
  readonly tableName: string;
  readonly topics: { readonly events: string; readonly matchEvents: string };
  readonly matchmaking: { readonly configurationName: string; readonly queueName: string };
  /** What a local game server signs `/v1/server/...` requests with (SigV4, service `execute-api`, the stage's region). */
  readonly serverCredentials: ServerCredential & { readonly fleetIds: readonly string[] };
  readonly pid: number;
}

/** A running local stage. */
export interface LocalStage {
  readonly endpoints: StageEndpoints;
  readonly seeded: SeededGameLift;
  readonly issuer: LocalIssuer;
  readonly sns: LocalSns;
  readonly emulator: GameLiftEmulator;
  /** What happens on the event path (ticket and placement writes, notifications, deliveries, reconciliations), for observers such as the dashboard. */
  readonly bus: DashboardBus;
  /** The realtime channel: open connections, and a wait for the dispatcher to have seen every write so far. */
  readonly realtime: { connectionCount(): number; drained(): Promise<void> };
  stop(): Promise<void>;
}

/** Path of the endpoints file tools and tests read (`MATCHPLACE_LOCAL_JSON` overrides it). */
export const localJsonPath = process.env.MATCHPLACE_LOCAL_JSON ?? join(repoRoot, ".matchplace", "local.json");

/**
 * Starts the whole backend on this machine: DynamoDB Local, the GameLift emulator, SNS, the API
 * Gateway with its JWT authorizer, the events consumer and the reconciliation schedule, wired
 * exactly as on AWS, then seeds GameLift from `infra/gamelift/`.
 *
 * @example
 * const stage = await startLocalStage({ ports: { api: 0, websocket: 0, dashboard: 0, gamelift: 0, dynamodb: 0, sns: 0, s3: 0 } });
 * console.log(stage.endpoints.api);
 * await stage.stop();
 */
export async function startLocalStage(options: LocalStageOptions = {}): Promise<LocalStage> {
  const region = options.region ?? "us-east-1";
  const accountId = options.accountId ?? "123456789012";
  const ports = { ...defaultPorts, ...options.ports };
  const logger = new Logger({ serviceName: "matchplace-local", logLevel: options.logLevel ?? "WARN" });
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse())
      await stop().catch((err: unknown) => logger.error("stop failed", { error: err as Error }));
    stops.length = 0;
  };
  try {
    const tableName = "matchplace-local";
    const ensureTable = async (endpoint: string): Promise<void> => {
      const ddbClient = new DynamoDBClient({ endpoint, region, credentials: localCredentials });
      await createTable(ddbClient, tableName).catch((err: unknown) => {
        if ((err as { name?: string }).name !== "ResourceInUseException") throw err;
      });
      ddbClient.destroy();
    };
    const ddb: DynamoDbLocal = await startDynamoDbLocal({
      port: ports.dynamodb,
      persistDir: options.persistDir && join(options.persistDir, "dynamodb"),
      // A dead JVM is restarted on the same port (issue #14): one clear line, then the table again.
      onDied: (message) => logger.error(message),
      onRestarted: () => ensureTable(ddb.endpoint),
    });
    stops.push(() => ddb.stop());
    await ensureTable(ddb.endpoint);

    const bus = new DashboardBus((err) => logger.warn("a stage observer failed", { error: err as Error }));
    const ruleSets = ruleSetsByConfiguration(
      readGameLiftFiles<{ Name: string; RuleSetName?: string }>("configurations").map((c) => c.body),
      readGameLiftFiles<unknown>("rulesets").map((r) => ({ name: r.file.replace(/\.json$/, ""), raw: r.raw })),
    );
    const observe = (e: DeliveryEvent): void =>
      bus.publish({
        kind: "delivery",
        at: Date.now(),
        outcome: e.outcome,
        messageId: e.messageId,
        topic: topicName(e.topicArn),
        endpoint: e.endpoint,
        attempt: e.attempt,
        ...(e.error ? { error: e.error } : {}),
      });
    const sns = new LocalSns({
      region,
      accountId,
      logger,
      retryDelaysMs: options.snsRetryDelaysMs,
      faults: options.snsFaults,
      ...(options.snsRandom ? { random: options.snsRandom } : {}),
      observe,
    });
    const topicArn = sns.createTopic("matchplace-local-events");
    const matchEventsArn = sns.createTopic("matchplace-local-match-events");
    stops.push(() => sns.close());

    // Capacity that runs out is said once per interval, not once per placement.
    const capacityWatch = createCapacityWatch(
      { warn: (message, extra) => logger.warn(message, extra) },
      options.capacityNoticeEveryMs,
    );
    const emulator = await startGameLiftEmulator({
      port: ports.gamelift,
      region,
      accountId,
      persistDir: options.persistDir && join(options.persistDir, "gamelift"),
      tickIntervalMs: options.tickIntervalMs ?? 100,
      notify: (arn, message) => {
        capacityWatch.placementTimedOut(message);
        bus.publish({
          kind: "notification",
          at: Date.now(),
          topic: topicName(arn),
          ...notificationSummary(message, ruleSets),
        });
        if (sns.hasTopic(arn)) sns.publish(arn, message);
        else logger.warn("notification to an unknown topic dropped", { topicArn: arn });
      },
      s3: { port: ports.s3, ...(options.persistDir ? { directory: join(options.persistDir, "s3") } : {}) },
      pingBeacons: pingBeaconsOf(region, options.pingLatencyMs),
      ...(options.uploadCredentialsTtlMs ? { uploadCredentialsTtlMs: options.uploadCredentialsTtlMs } : {}),
      onError: (err, where) => logger.error("emulator fault", { where, error: err as Error }),
      extraEngines: [capacityWatch],
      settings: {
        instanceActivationMs: options.scaleOutDelayMs ?? 5_000,
        scalingIntervalMs: options.scalingIntervalMs ?? 10_000,
        gameServersByFleet: gameServersByFleet(options.gameServers),
      },
    });
    stops.push(() => emulator.close());

    const configuration = readGameLiftFiles<{ Name: string; GameSessionQueues?: string[] }>("configurations")[0]?.body;
    const matchmaking = {
      configurationName: configuration?.Name ?? "arena",
      queueName: configuration?.GameSessionQueues?.[0] ?? "arena",
    };
    applyEnvironment({
      region,
      tableName,
      topicArn,
      matchmaking,
      gamelift: emulator.url,
      dynamodb: ddb.endpoint,
      logLevel: options.logLevel ?? "WARN",
    });
    // SST reads SST_RESOURCE_* once, on first use: the realtime links (and every endpoint a handler's
    // client may read at load) are set before any handler module is loaded, so ports are picked first.
    const apiPort = ports.api === 0 ? await freePort() : ports.api;
    const wsPort = ports.websocket === 0 ? await freePort() : ports.websocket;
    const snsPort = ports.sns === 0 ? await freePort() : ports.sns;
    const issuerUrl = `http://127.0.0.1:${apiPort}/local`;
    Object.assign(process.env, {
      SST_RESOURCE_Realtime: JSON.stringify({
        url: `ws://127.0.0.1:${wsPort}/local`,
        managementEndpoint: `http://127.0.0.1:${wsPort}/local`,
      }),
      SST_RESOURCE_MatchEvents: JSON.stringify({ arn: matchEventsArn, name: "matchplace-local-match-events" }),
      AWS_ENDPOINT_URL_SNS: `http://127.0.0.1:${snsPort}`,
      MATCHPLACE_JWT_ISSUER: issuerUrl,
      MATCHPLACE_JWT_AUDIENCE: "matchplace",
    });

    const gl = new GameLiftClient({ endpoint: emulator.url, region, credentials: localCredentials });
    const seeded = await seedGameLift(gl, { topicArn, region, accountId });
    gl.destroy();
    // Faults only after seeding: the stage's own setup must not be throttled.
    if (options.gameliftFaults) emulator.faults.set(options.gameliftFaults);

    // The consumer vets every event against this stage's identity, as on AWS (issue #14).
    process.env.SST_RESOURCE_EventsTrust = JSON.stringify(eventTrustOf(seeded, { region, accountId }));
    sns.subscribe(topicArn, subscribers.events.handler, await loadHandler(subscribers.events.handler));

    // Game servers sign /v1/server/... with these (IAM authorization on AWS); they serve the seeded fleets.
    const serverCredentials = {
      accessKeyId: options.serverCredentials?.accessKeyId ?? `AKIALOCAL${randomBytes(6).toString("hex").toUpperCase()}`,
      secretAccessKey: options.serverCredentials?.secretAccessKey ?? randomBytes(30).toString("base64url"),
      userArn: `arn:aws:iam::${accountId}:user/matchplace-local-game-server`,
      fleetIds: seeded.fleetIds,
    };
    const signers = [serverCredentials, ...(options.extraServerCredentials ?? [])];
    process.env.MATCHPLACE_SERVER_FLEETS = JSON.stringify(
      Object.fromEntries(signers.map((c) => [c.userArn, c.fleetIds])),
    );

    // The issuer names the API's own address, so the port was picked before the token issuer exists.
    const issuer = await LocalIssuer.create({ issuer: issuerUrl, audience: "matchplace" });
    const api: LocalApiGateway = await startLocalApiGateway({
      port: apiPort,
      routes,
      issuer,
      accountId,
      logger,
      serverCredentials: signers,
    });
    stops.push(() => api.close());

    const snsServer: SnsServer = await startSnsServer(sns, snsPort);
    stops.push(() => snsServer.close());

    // The realtime channel: a WebSocket API with the same authorizer and route handlers as on AWS,
    // fed by the table's real stream through the same dispatcher and filters.
    const websocket = await startLocalWebSocketGateway({
      port: wsPort,
      region,
      accountId,
      logger,
      definition: realtime,
    });
    stops.push(() => websocket.close());
    const dispatcher = await startStreamPoller({
      endpoint: ddb.endpoint,
      region,
      tableName,
      handler: realtime.dispatcher.handler,
      filters: realtime.dispatcher.filters,
      batchSize: realtime.dispatcher.batchSize,
      maxRetryAttempts: realtime.dispatcher.maxRetryAttempts,
      pollIntervalMs: options.streamPollIntervalMs ?? 50,
      logger,
    });
    stops.push(() => dispatcher.stop());

    const reconcileMs = options.reconcileIntervalMs ?? 10_000;
    if (reconcileMs > 0) {
      const onRun = (run: ScheduledRun): void =>
        bus.publish({
          kind: "reconcile",
          at: Date.now(),
          durationMs: run.durationMs,
          summary: JSON.stringify(run.result ?? {}),
          ...(run.error ? { error: run.error } : {}),
        });
      const schedule: Schedule = await startSchedule({
        handler: schedules.reconcile.handler,
        everyMs: reconcileMs,
        logger,
        region,
        accountId,
        onRun,
      });
      stops.push(() => schedule.stop());
    }

    const dashboard = await startDashboard({
      port: ports.dashboard,
      bus,
      logger,
      region,
      endpoints: { sns: snsServer.url, gamelift: emulator.url, dynamodb: ddb.endpoint },
      tableName,
      deadLetters: () => sns.deadLetters(),
      faults: () => ({ sns: { ...sns.faults }, gamelift: { ...emulator.faults.get() } }),
      reportsDir: dirname(localJsonPath),
    });
    stops.push(() => dashboard.close());

    const endpoints: StageEndpoints = {
      api: api.url,
      websocket: websocket.url,
      gamelift: emulator.url,
      dynamodb: ddb.endpoint,
      sns: snsServer.url,
      s3: emulator.s3Url ?? "",
      dashboard: dashboard.url,
      region,
      accountId,
      tableName,
      topics: { events: topicArn, matchEvents: matchEventsArn },
      matchmaking,
      serverCredentials,
      pid: process.pid,
    };
    if (options.writeLocalJson) {
      mkdirSync(dirname(localJsonPath), { recursive: true });
      writeFileSync(localJsonPath, `${JSON.stringify(endpoints, null, 2)}\n`);
      stops.unshift(async () => rmSync(localJsonPath, { force: true }));
    }
    const realtimeView = { connectionCount: () => websocket.connectionCount(), drained: () => dispatcher.drained() };
    return { endpoints, seeded, issuer, sns, emulator, bus, realtime: realtimeView, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

const localCredentials = { accessKeyId: "local", secretAccessKey: "local" };

/** A fleet file's `GameServers` block (infra/gamelift/fleets/*.json). */
interface FleetGameServers {
  MatchSeconds?: { Min: number; Max: number };
  LeaveShare?: number;
}

/**
 * The emulated game servers of each seeded fleet, by fleet name: the fleet file's `GameServers`,
 * with the stage's flags over it. A fleet with no match length keeps its sessions until terminated.
 */
export function gameServersByFleet(
  override: LocalStageOptions["gameServers"],
  files = readGameLiftFiles<{ Name: string; GameServers?: FleetGameServers }>("fleets").map((f) => f.body),
): Record<string, GameServerBehaviour> {
  const out: Record<string, GameServerBehaviour> = {};
  for (const fleet of files) {
    const own = fleet.GameServers;
    const matchSeconds =
      override?.matchSeconds ??
      (own?.MatchSeconds ? { min: own.MatchSeconds.Min, max: own.MatchSeconds.Max } : undefined);
    if (!matchSeconds) continue;
    out[fleet.Name] = { matchSeconds, leaveShare: override?.leaveShare ?? own?.LeaveShare ?? 0 };
  }
  return out;
}

const topicName = (arn: string): string => arn.slice(arn.lastIndexOf(":") + 1);

/**
 * The parts of a GameLift notification the dashboard lists; a message that is not one is shown by
 * its size. A proposed match also gets the expansion step it was formed at (tickets' ages at the
 * event's time, against its configuration's rule set).
 */
function notificationSummary(
  message: string,
  ruleSets: RuleSetsByConfiguration,
): { type: string; ticketIds: string[]; matchId?: string; expansion?: string } {
  try {
    const event = JSON.parse(message) as {
      time?: string;
      resources?: string[];
      detail?: { type?: string; matchId?: string; tickets?: { ticketId?: string; startTime?: string }[] };
    };
    const detail = event.detail ?? {};
    const matchId = detail.matchId;
    const configuration = event.resources?.[0]?.split("/").pop() ?? "";
    const ruleSet = ruleSets.get(configuration);
    const at = Date.parse(event.time ?? "");
    const ages = (detail.tickets ?? [])
      .flatMap((t) => (t.startTime ? [(at - Date.parse(t.startTime)) / 1000] : []))
      .filter(Number.isFinite);
    const expansion =
      detail.type === "PotentialMatchCreated" && ruleSet && ages.length > 0 ? expansionStep(ruleSet, ages) : undefined;
    return {
      type: detail.type ?? "(no detail.type)",
      ticketIds: (detail.tickets ?? []).flatMap((t) => (t.ticketId ? [t.ticketId] : [])),
      ...(matchId ? { matchId } : {}),
      ...(expansion ? { expansion } : {}),
    };
  } catch {
    return { type: `(not JSON, ${message.length} bytes)`, ticketIds: [] };
  }
}

/**
 * Hands the handlers the same names SST links on AWS (`SST_RESOURCE_<Name>`) and points the AWS SDK
 * at the local endpoints with its own `AWS_ENDPOINT_URL_<SERVICE>` variables: one code path for both.
 */
function applyEnvironment(v: {
  region: string;
  tableName: string;
  topicArn: string;
  matchmaking: { configurationName: string; queueName: string };
  gamelift: string;
  dynamodb: string;
  logLevel: string;
}): void {
  const env: Record<string, string> = {
    SST_RESOURCE_App: JSON.stringify({ name: "matchplace", stage: "local" }),
    SST_RESOURCE_Table: JSON.stringify({ name: v.tableName }),
    SST_RESOURCE_Events: JSON.stringify({ arn: v.topicArn }),
    SST_RESOURCE_Matchmaking: JSON.stringify(v.matchmaking),
    SST_RESOURCE_Catalog: JSON.stringify(localCatalogDocument()),
    AWS_ENDPOINT_URL_GAMELIFT: v.gamelift,
    AWS_ENDPOINT_URL_DYNAMODB: v.dynamodb,
    AWS_REGION: v.region,
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? "local",
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? "local",
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? v.logLevel,
    POWERTOOLS_METRICS_NAMESPACE: "matchplace",
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? "true",
  };
  Object.assign(process.env, env);
}
