import {
  AcceptMatchCommand,
  CreateFleetCommand,
  CreateGameSessionQueueCommand,
  CreateMatchmakingConfigurationCommand,
  CreateMatchmakingRuleSetCommand,
  DescribeGameSessionsCommand,
  DescribeMatchmakingCommand,
  DescribePlayerSessionsCommand,
  StartMatchmakingCommand,
  StopMatchmakingCommand,
  type GameLiftClient,
  ValidateMatchmakingRuleSetCommand,
} from "@aws-sdk/client-gamelift";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../../helpers.js";
import { openRuleSet, squadRuleSet } from "../../engines/matchmaking/harness.js";

const topic = "arn:aws:sns:us-east-1:123456789012:matchmaking-events";

describe("matchmaking through @aws-sdk/client-gamelift", () => {
  let h: Harness;
  let gl: GameLiftClient;
  let published: { topicArn: string; message: string }[];
  const advance = (ms: number, stepMs?: number): Promise<void> => h.advance(ms, stepMs);

  beforeEach(async () => {
    h = await startHarness();
    gl = h.json;
    published = h.events;
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
    await advance(3000, 500);
    await gl.send(new CreateMatchmakingRuleSetCommand({ Name: "squads", RuleSetBody: squadRuleSet }));
    await gl.send(
      new CreateMatchmakingConfigurationCommand({
        Name: "arena",
        RuleSetName: "squads",
        RequestTimeoutSeconds: 120,
        AcceptanceRequired: false,
        GameSessionQueueArns: [queue.GameSessionQueue?.GameSessionQueueArn ?? ""],
        NotificationTarget: topic,
        GameProperties: [{ Key: "mode", Value: "arena" }],
      }),
    );
  });

  afterEach(async () => {
    await h.emulator.close();
  });

  it("takes StartMatchmaking to COMPLETED with a placed game session", async () => {
    await gl.send(
      new StartMatchmakingCommand({
        TicketId: "a",
        ConfigurationName: "arena",
        Players: [{ PlayerId: "a1" }, { PlayerId: "a2" }],
      }),
    );
    await gl.send(
      new StartMatchmakingCommand({
        TicketId: "b",
        ConfigurationName: "arena",
        Players: [{ PlayerId: "b1" }, { PlayerId: "b2" }],
      }),
    );

    await advance(1000);

    const { TicketList = [] } = await gl.send(new DescribeMatchmakingCommand({ TicketIds: ["a", "b"] }));
    expect(TicketList.map((t) => t.Status)).toEqual(["COMPLETED", "COMPLETED"]);
    const a = TicketList[0];
    expect(a?.StartTime).toEqual(new Date("2026-05-01T12:00:03.000Z"));
    const info = a?.GameSessionConnectionInfo;
    expect(info?.GameSessionArn).toMatch(/^arn:aws:gamelift:us-east-1::gamesession\/fleet-/);
    expect(info).toMatchObject({ IpAddress: "127.0.0.1", Port: expect.any(Number), DnsName: expect.any(String) });
    expect(info?.MatchedPlayerSessions?.map((s) => s.PlayerId)).toEqual(["a1", "a2"]);

    const { GameSessions = [] } = await gl.send(
      new DescribeGameSessionsCommand({ GameSessionId: info?.GameSessionArn }),
    );
    expect(GameSessions[0]?.MaximumPlayerSessionCount).toBe(4);
    expect(GameSessions[0]?.GameProperties).toEqual([{ Key: "mode", Value: "arena" }]);
    const data = JSON.parse(GameSessions[0]?.MatchmakerData ?? "{}") as {
      teams: { players: unknown[] }[];
      matchmakingConfigurationArn: string;
    };
    expect(data.matchmakingConfigurationArn).toBe(
      "arn:aws:gamelift:us-east-1:123456789012:matchmakingconfiguration/arena",
    );
    expect(data.teams.flatMap((t) => t.players)).toHaveLength(4);
    const sessions = await gl.send(new DescribePlayerSessionsCommand({ GameSessionId: info?.GameSessionArn }));
    expect(sessions.PlayerSessions?.map((s) => s.PlayerId).sort()).toEqual(["a1", "a2", "b1", "b2"]);

    const types = published
      .filter((p) => p.topicArn === topic)
      .map((p) => (JSON.parse(p.message) as { detail: { type: string } }).detail.type)
      .filter((t) => t.startsWith("Matchmaking") || t === "PotentialMatchCreated");
    expect(types).toEqual([
      "MatchmakingSearching",
      "MatchmakingSearching",
      "PotentialMatchCreated",
      "MatchmakingSucceeded",
    ]);
  });

  it("serves the same lifecycle over Smithy RPC v2 CBOR", async () => {
    const cbor = h.cbor;
    const started = await cbor.send(
      new StartMatchmakingCommand({
        TicketId: "a",
        ConfigurationName: "arena",
        Players: [{ PlayerId: "a1" }, { PlayerId: "a2" }],
      }),
    );
    expect(started.MatchmakingTicket?.StartTime).toEqual(new Date("2026-05-01T12:00:03.000Z"));
    await cbor.send(
      new StartMatchmakingCommand({
        TicketId: "b",
        ConfigurationName: "arena",
        Players: [{ PlayerId: "b1" }, { PlayerId: "b2" }],
      }),
    );

    await advance(1000);

    const { TicketList = [] } = await cbor.send(new DescribeMatchmakingCommand({ TicketIds: ["a", "b"] }));
    expect(TicketList.map((t) => t.Status)).toEqual(["COMPLETED", "COMPLETED"]);
    expect(TicketList[0]?.EndTime).toBeInstanceOf(Date);
    expect(TicketList[0]?.GameSessionConnectionInfo?.Port).toEqual(expect.any(Number));
  });

  it("fails the tickets with MatchmakingFailed when the configuration's queue does not exist", async () => {
    await gl.send(
      new CreateMatchmakingConfigurationCommand({
        Name: "lost",
        RuleSetName: "squads",
        RequestTimeoutSeconds: 120,
        AcceptanceRequired: false,
        GameSessionQueueArns: ["arn:aws:gamelift:us-east-1:123456789012:gamesessionqueue/ghost"],
        NotificationTarget: topic,
      }),
    );
    await gl.send(
      new StartMatchmakingCommand({
        TicketId: "a",
        ConfigurationName: "lost",
        Players: [{ PlayerId: "a1" }, { PlayerId: "a2" }],
      }),
    );
    await gl.send(
      new StartMatchmakingCommand({
        TicketId: "b",
        ConfigurationName: "lost",
        Players: [{ PlayerId: "b1" }, { PlayerId: "b2" }],
      }),
    );

    await advance(100);

    const { TicketList = [] } = await gl.send(new DescribeMatchmakingCommand({ TicketIds: ["a", "b"] }));
    expect(TicketList.map((t) => t.Status)).toEqual(["FAILED", "FAILED"]);
    const failed = published.filter((p) => p.message.includes('"MatchmakingFailed"'));
    expect(failed).toHaveLength(2);
  });

  it("answers StopMatchmaking on a PLACING ticket with InvalidRequestException", async () => {
    await gl.send(
      new StartMatchmakingCommand({
        TicketId: "a",
        ConfigurationName: "arena",
        Players: [{ PlayerId: "a1" }, { PlayerId: "a2" }],
      }),
    );
    await gl.send(
      new StartMatchmakingCommand({
        TicketId: "b",
        ConfigurationName: "arena",
        Players: [{ PlayerId: "b1" }, { PlayerId: "b2" }],
      }),
    );
    await h.emulator.tick();

    const { TicketList = [] } = await gl.send(new DescribeMatchmakingCommand({ TicketIds: ["a"] }));
    expect(TicketList[0]?.Status).toBe("PLACING");
    await expect(gl.send(new StopMatchmakingCommand({ TicketId: "a" }))).rejects.toMatchObject({
      name: "InvalidRequestException",
      message: "Matchmaking ticket is in PLACING status and cannot be canceled.",
    });
  });

  it("validates rule sets and refuses AcceptMatch outside REQUIRES_ACCEPTANCE", async () => {
    const valid = await gl.send(new ValidateMatchmakingRuleSetCommand({ RuleSetBody: squadRuleSet }));
    expect(valid.Valid).toBe(true);
    await expect(
      gl.send(new ValidateMatchmakingRuleSetCommand({ RuleSetBody: '{"teams": []}' })),
    ).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
    await gl.send(
      new StartMatchmakingCommand({ TicketId: "a", ConfigurationName: "arena", Players: [{ PlayerId: "a1" }] }),
    );
    await expect(
      gl.send(new AcceptMatchCommand({ TicketId: "a", PlayerIds: ["a1"], AcceptanceType: "ACCEPT" })),
    ).rejects.toMatchObject({ name: "InvalidRequestException" });
  });

  it("backfills a placed session automatically: MatchmakerData names the ticket, new players get sessions", async () => {
    await gl.send(new CreateMatchmakingRuleSetCommand({ Name: "open", RuleSetBody: openRuleSet }));
    const queueArn = "arn:aws:gamelift:us-east-1:123456789012:gamesessionqueue/arena";
    await gl.send(
      new CreateMatchmakingConfigurationCommand({
        Name: "auto",
        RuleSetName: "open",
        RequestTimeoutSeconds: 120,
        AcceptanceRequired: false,
        GameSessionQueueArns: [queueArn],
        BackfillMode: "AUTOMATIC",
      }),
    );
    await gl.send(
      new StartMatchmakingCommand({ TicketId: "x", ConfigurationName: "auto", Players: [{ PlayerId: "x1" }] }),
    );
    await gl.send(
      new StartMatchmakingCommand({ TicketId: "y", ConfigurationName: "auto", Players: [{ PlayerId: "y1" }] }),
    );
    await advance(500);
    const { TicketList = [] } = await gl.send(new DescribeMatchmakingCommand({ TicketIds: ["x"] }));
    const arn = TicketList[0]?.GameSessionConnectionInfo?.GameSessionArn ?? "";
    const before = await gl.send(new DescribeGameSessionsCommand({ GameSessionId: arn }));
    const autoId = (JSON.parse(before.GameSessions?.[0]?.MatchmakerData ?? "{}") as { autoBackfillTicketId: string })
      .autoBackfillTicketId;
    expect(autoId).toMatch(/^auto-backfill-/);

    await gl.send(
      new StartMatchmakingCommand({ TicketId: "z", ConfigurationName: "auto", Players: [{ PlayerId: "z1" }] }),
    );
    await advance(500);

    const z = (await gl.send(new DescribeMatchmakingCommand({ TicketIds: ["z", autoId] }))).TicketList ?? [];
    expect(z.map((t) => t.Status)).toEqual(["COMPLETED", "COMPLETED"]);
    expect(z[0]?.GameSessionConnectionInfo?.GameSessionArn).toBe(arn);
    const players = await gl.send(new DescribePlayerSessionsCommand({ GameSessionId: arn }));
    expect(players.PlayerSessions?.map((p) => p.PlayerId).sort()).toEqual(["x1", "y1", "z1"]);
    const after = await gl.send(new DescribeGameSessionsCommand({ GameSessionId: arn }));
    const data = JSON.parse(after.GameSessions?.[0]?.MatchmakerData ?? "{}") as {
      autoBackfillTicketId: string;
      teams: { players: { playerId: string }[] }[];
    };
    expect(data.teams.flatMap((t) => t.players.map((p) => p.playerId)).sort()).toEqual(["x1", "y1", "z1"]);
    expect(data.autoBackfillTicketId).toMatch(/^auto-backfill-/);
    expect(data.autoBackfillTicketId).not.toBe(autoId);
  });
});
