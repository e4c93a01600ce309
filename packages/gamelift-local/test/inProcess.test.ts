import { describe, expect, it } from "vitest";
import { allocatePort } from "../src/engines/fleets/capacity.js";
import { collections } from "../src/engines/state/collections.js";
import type { FleetRecord, GameSessionRecord } from "../src/engines/state/records.js";
import { createInProcessEmulator, endGameSessionProcess, GameLiftError, ManualClock } from "../src/index.js";

const ruleSet = JSON.stringify({
  name: "duel",
  ruleLanguageVersion: "1.0",
  teams: [
    { name: "a", minPlayers: 1, maxPlayers: 1 },
    { name: "b", minPlayers: 1, maxPlayers: 1 },
  ],
});

async function duelStage() {
  const clock = new ManualClock();
  const events: string[] = [];
  let n = 0;
  const emulator = createInProcessEmulator({
    clock,
    ids: { uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}` },
    notify: (_topic, message) => void events.push((JSON.parse(message) as { detail: { type: string } }).detail.type),
    settings: { fleetStatusDurationsMs: { NEW: 0, DOWNLOADING: 0, VALIDATING: 0, BUILDING: 0, ACTIVATING: 0 } },
  });
  await emulator.call("CreateMatchmakingRuleSet", { Name: "duel", RuleSetBody: ruleSet });
  const fleet = (
    await emulator.call("CreateFleet", {
      Name: "f",
      EC2InstanceType: "c5.large",
      RuntimeConfiguration: { ServerProcesses: [{ LaunchPath: "/local/game/duel", ConcurrentExecutions: 2 }] },
    })
  ).FleetAttributes as { FleetArn: string };
  const queue = (
    await emulator.call("CreateGameSessionQueue", { Name: "q", Destinations: [{ DestinationArn: fleet.FleetArn }] })
  ).GameSessionQueue as { GameSessionQueueArn: string };
  await emulator.call("CreateMatchmakingConfiguration", {
    Name: "duel",
    RuleSetName: "duel",
    GameSessionQueueArns: [queue.GameSessionQueueArn],
    RequestTimeoutSeconds: 60,
    AcceptanceRequired: false,
    NotificationTarget: "arn:aws:sns:us-east-1:123456789012:t",
  });
  await emulator.tick();
  return { clock, emulator, events };
}

describe("createInProcessEmulator", () => {
  it("runs operations and engines without a server: two tickets become one placed match", async () => {
    const { clock, emulator, events } = await duelStage();
    for (const id of ["p1", "p2"])
      await emulator.call("StartMatchmaking", { TicketId: id, ConfigurationName: "duel", Players: [{ PlayerId: id }] });

    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      await emulator.tick();
    }

    const tickets = (await emulator.call("DescribeMatchmaking", { TicketIds: ["p1", "p2"] })).TicketList as {
      Status: string;
    }[];
    expect(tickets.map((t) => t.Status)).toEqual(["COMPLETED", "COMPLETED"]);
    expect(events).toContain("MatchmakingSucceeded");
  });

  it("refuses an operation it does not serve with GameLift's exception", async () => {
    const emulator = createInProcessEmulator();

    await expect(emulator.call("LaunchRocket", {})).rejects.toThrow(GameLiftError);
    await expect(emulator.call("LaunchRocket", {})).rejects.toMatchObject({ name: "UnknownOperationException" });
  });

  it("forgetFinished drops finished tickets, matches, placements and ended sessions, and keeps live ones", async () => {
    const { clock, emulator } = await duelStage();
    for (const id of ["p1", "p2", "p3"])
      await emulator.call("StartMatchmaking", { TicketId: id, ConfigurationName: "duel", Players: [{ PlayerId: id }] });
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      await emulator.tick();
    }
    const session = collections(emulator.context.store).gameSessions.values()[0];
    endGameSessionProcess(emulator.context, session?.GameSessionId ?? "");

    const forgotten = emulator.forgetFinished();

    expect(forgotten).toEqual({ tickets: 2, matches: 1, placements: 1, gameSessions: 1, playerSessions: 2 });
    const left = (await emulator.call("DescribeMatchmaking", { TicketIds: ["p1", "p2", "p3"] })).TicketList as {
      TicketId: string;
      Status: string;
    }[];
    expect(left).toEqual([expect.objectContaining({ TicketId: "p3", Status: "SEARCHING" })]);
  });
});

describe("the player-session index of a game session", () => {
  it("completes every player session when the game ends, also for a session from a snapshot without the index", async () => {
    const { clock, emulator } = await duelStage();
    for (const id of ["p1", "p2", "p3", "p4"])
      await emulator.call("StartMatchmaking", { TicketId: id, ConfigurationName: "duel", Players: [{ PlayerId: id }] });
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      await emulator.tick();
    }
    const cols = collections(emulator.context.store);
    const [indexed, legacy] = cols.gameSessions.values();
    if (!indexed || !legacy) throw new Error("expected two game sessions");
    delete legacy.playerSessionIds;

    endGameSessionProcess(emulator.context, indexed.GameSessionId);
    endGameSessionProcess(emulator.context, legacy.GameSessionId);

    const statuses = cols.playerSessions.values().map((p) => p.Status);
    expect(statuses).toEqual(["COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"]);
    expect(indexed.playerSessionIds).toHaveLength(2);
  });
});

describe("allocatePort", () => {
  const fleet = (ranges: [number, number][]): FleetRecord =>
    ({
      InboundPermissions: ranges.map(([FromPort, ToPort]) => ({
        FromPort,
        ToPort,
        IpRange: "0.0.0.0/0",
        Protocol: "UDP",
      })),
    }) as unknown as FleetRecord;
  const withSessions = (ports: number[], status: GameSessionRecord["Status"] = "ACTIVE") => {
    const emulator = createInProcessEmulator();
    const sessions = collections(emulator.context.store).gameSessions;
    for (const [i, Port] of ports.entries()) {
      sessions.put(`gs${i}`, { GameSessionId: `gs${i}`, Port, Status: status } as GameSessionRecord);
    }
    return emulator.context;
  };

  it.each([
    {
      name: "the lowest free port of the permissions",
      ranges: [[7000, 7100]] as [number, number][],
      used: [7000, 7001, 7003],
      port: 7002,
    },
    { name: "skips 22 and 3389", ranges: [[22, 23]] as [number, number][], used: [], port: 23 },
    {
      name: "the next range when one is full",
      ranges: [
        [7000, 7001],
        [8000, 8001],
      ] as [number, number][],
      used: [7000, 7001],
      port: 8000,
    },
    {
      name: "7777 upwards when the permissions are full",
      ranges: [[7000, 7000]] as [number, number][],
      used: [7000, 7777, 7778],
      port: 7779,
    },
    { name: "7777 upwards without permissions", ranges: [] as [number, number][], used: [7777, 7779], port: 7778 },
  ])("gives $name", ({ ranges, used, port }) => {
    expect(allocatePort(withSessions(used), fleet(ranges))).toBe(port);
  });

  it("reuses the ports of ended sessions", () => {
    expect(allocatePort(withSessions([7777, 7778], "TERMINATED"), fleet([]))).toBe(7777);
  });
});
