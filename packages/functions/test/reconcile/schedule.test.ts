import {
  CreateFleetCommand,
  CreateGameSessionQueueCommand,
  CreateMatchmakingConfigurationCommand,
  CreateMatchmakingRuleSetCommand,
  GameLiftClient,
  StartGameSessionPlacementCommand,
  StartMatchmakingCommand,
} from "@aws-sdk/client-gamelift";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock, startGameLiftEmulator, type GameLiftEmulator } from "@matchplace/gamelift-local";
import type { ReconcileReport } from "@matchplace/core";
import {
  createDocumentClient,
  pendingShardFor,
  type PlacementRepository,
  type TicketRepository,
} from "@matchplace/core/dynamo";
import { lambdaContext, tableForHandler } from "../events/support.js";

const duel = JSON.stringify({
  ruleLanguageVersion: "1.0",
  teams: [
    { name: "red", minPlayers: 1, maxPlayers: 1 },
    { name: "blue", minPlayers: 1, maxPlayers: 1 },
  ],
});

type Handler = (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<ReconcileReport>;
let handler: Handler;
let tickets: TicketRepository;
let placements: PlacementRepository;
let emulator: GameLiftEmulator;
let gl: GameLiftClient;
let queueArn: string;
let tableName: string;
let endpoint: string;
// The emulator runs a minute behind the wall clock, so tickets it knows are already "quiet" for the reconciler.
const clock = new ManualClock(Date.now() - 60_000);

async function advance(ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= 500) {
    clock.advance(Math.min(500, left));
    await emulator.tick();
  }
}

beforeAll(async () => {
  ({ tickets, placements, tableName, endpoint } = await tableForHandler("reconcile"));
  // Every GameLift event is lost: only the reconciler can bring the table up to date.
  emulator = await startGameLiftEmulator({ port: 0, clock, tickIntervalMs: 0, notify: () => undefined });
  process.env["AWS_ENDPOINT_URL_GAMELIFT"] = emulator.url;
  process.env["MATCHPLACE_RECONCILE_TICKET_RPS"] = "50";
  process.env["MATCHPLACE_RECONCILE_PLACEMENT_RPS"] = "50";
  gl = new GameLiftClient({
    endpoint: emulator.url,
    region: "us-east-1",
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
    maxAttempts: 1,
  });
  const fleet = await gl.send(
    new CreateFleetCommand({
      Name: "arena",
      EC2InstanceType: "c5.large",
      RuntimeConfiguration: { ServerProcesses: [{ LaunchPath: "/local/game/server", ConcurrentExecutions: 4 }] },
    }),
  );
  const queue = await gl.send(
    new CreateGameSessionQueueCommand({
      Name: "arena",
      Destinations: [{ DestinationArn: fleet.FleetAttributes?.FleetArn ?? "" }],
    }),
  );
  queueArn = queue.GameSessionQueue?.GameSessionQueueArn ?? "";
  await advance(3_000);
  await gl.send(new CreateMatchmakingRuleSetCommand({ Name: "duel", RuleSetBody: duel }));
  await gl.send(
    new CreateMatchmakingConfigurationCommand({
      Name: "arena",
      RuleSetName: "duel",
      RequestTimeoutSeconds: 60,
      AcceptanceRequired: false,
      GameSessionQueueArns: [queueArn],
    }),
  );
  ({ handler } = (await import("../../src/reconcile/schedule.js")) as unknown as { handler: Handler });
}, 60_000);

afterAll(async () => {
  await emulator?.close();
});

async function submit(ticketId: string, playerId: string, createdAt = clock.now()): Promise<void> {
  // As the API does: store the ticket first, then start matchmaking with the same id.
  await tickets.create({
    ticketId,
    configurationName: "arena",
    playerIds: [playerId],
    players: { [playerId]: {} },
    createdAt,
  });
  await gl.send(
    new StartMatchmakingCommand({ TicketId: ticketId, ConfigurationName: "arena", Players: [{ PlayerId: playerId }] }),
  );
}

describe("reconcile handler against the GameLift emulator and DynamoDB Local (all events lost)", () => {
  it("repairs matched tickets to COMPLETED with each player's session, and a lone one to SEARCHING", async () => {
    await submit("rc-1", "ana");
    await submit("rc-2", "bo");
    await submit("rc-3", "cy");
    await advance(2_000);
    await advance(2_000);

    const report = await handler({ "detail-type": "Scheduled Event" }, lambdaContext("reconcile"));

    const [a, b, c] = await Promise.all(["rc-1", "rc-2", "rc-3"].map((id) => tickets.get(id)));
    const completed = [a, b, c].filter((t) => t?.status === "COMPLETED");
    expect(completed).toHaveLength(2);
    for (const t of completed) {
      const player = t?.playerIds[0] ?? "";
      expect(t?.players[player]?.playerSessionId).toMatch(/^psess-/);
      expect(t?.connection?.gameSessionArn).toMatch(/^arn:aws:gamelift:us-east-1::gamesession\//);
    }
    expect([a, b, c].filter((t) => t?.status === "SEARCHING")).toHaveLength(1);
    expect(report.ticketsRepaired).toBe(3);
  });

  it("fails a ticket GameLift never knew once its request timeout has passed", async () => {
    await tickets.create({
      ticketId: "rc-ghost",
      configurationName: "arena",
      playerIds: ["dee"],
      players: { dee: {} },
      createdAt: Date.now() - 200_000,
    });

    await handler({}, lambdaContext("reconcile"));

    expect(await tickets.get("rc-ghost")).toMatchObject({ status: "FAILED", reason: "UNKNOWN_TO_GAMELIFT" });
  });

  it("repairs a placement whose PlacementFulfilled was lost", async () => {
    await placements.create({
      placementId: "rc-plc-1",
      queueName: "arena",
      playerIds: ["eve"],
      players: {},
      createdAt: clock.now(),
    });
    await gl.send(
      new StartGameSessionPlacementCommand({
        PlacementId: "rc-plc-1",
        GameSessionQueueName: "arena",
        MaximumPlayerSessionCount: 2,
        DesiredPlayerSessions: [{ PlayerId: "eve" }],
      }),
    );
    await advance(3_000);

    const report = await handler({}, lambdaContext("reconcile"));

    expect(report.placementsRepaired).toBe(1);
    expect(await placements.get("rc-plc-1")).toMatchObject({
      status: "FULFILLED",
      players: { eve: { playerSessionId: expect.stringMatching(/^psess-/) } },
    });
  });

  it("isolates a poisoned item: a ticket DynamoDB refuses to grow fails alone, the good placement still reconciles", async () => {
    // A stale ticket filled to DynamoDB's 400 KiB limit (written raw, as an old unbounded fold left
    // it): failing it UNKNOWN_TO_GAMELIFT adds attributes, which DynamoDB refuses.
    const raw = new DynamoDBClient({
      endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    const doc = createDocumentClient({ client: raw });
    const old = Date.now() - 200_000;
    const put = (size: number): Promise<unknown> =>
      doc.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            pk: "TICKET#rc-poison",
            sk: "TICKET",
            ticketId: "rc-poison",
            configurationName: "arena",
            status: "SEARCHING",
            statusRank: 1,
            playerIds: ["zed"],
            players: {},
            createdAt: old,
            updatedAt: old,
            heardAt: old,
            pendingShard: pendingShardFor("TICKET", "rc-poison"),
            eventIds: ["x".repeat(size)],
          },
        }),
      );
    // The largest item DynamoDB accepts (binary search on the filler; a refused put writes nothing).
    let [fits, tooBig] = [400_000, 410_000];
    while (tooBig - fits > 1) {
      const mid = Math.floor((fits + tooBig) / 2);
      [fits, tooBig] = await put(mid).then(
        () => [mid, tooBig] as const,
        () => [fits, mid] as const,
      );
    }
    await put(fits);
    raw.destroy();
    await placements.create({
      placementId: "rc-plc-2",
      queueName: "arena",
      playerIds: ["fox"],
      players: {},
      createdAt: clock.now(),
    });
    await gl.send(
      new StartGameSessionPlacementCommand({
        PlacementId: "rc-plc-2",
        GameSessionQueueName: "arena",
        MaximumPlayerSessionCount: 2,
        DesiredPlayerSessions: [{ PlayerId: "fox" }],
      }),
    );
    await advance(3_000);

    const report = await handler({}, lambdaContext("reconcile"));

    expect(report.failed).toBeGreaterThanOrEqual(1);
    expect(report.failures).toContainEqual(expect.objectContaining({ kind: "ticket", ids: ["rc-poison"] }));
    expect(await placements.get("rc-plc-2")).toMatchObject({ status: "FULFILLED" });
    expect((await tickets.get("rc-poison"))?.status).toBe("SEARCHING");
  });
});
