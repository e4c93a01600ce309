import type { GameLiftClient } from "@aws-sdk/client-gamelift";
import { describe, expect, it } from "vitest";
import {
  GameLiftReconcileObserver,
  toObservedPlacement,
  toObservedTicket,
} from "../../../src/adapters/gamelift/reconcileObserver.js";
import { ThrottledError } from "../../../src/errors.js";

/**
 * A stand-in client whose `send` always throws. Mocking the AWS client is justified here only:
 * a real ThrottlingException (and NotFoundException on placements) cannot be produced by the
 * emulator on demand. Everything else is tested against the emulator in functions/test/reconcile.
 */
function throwingClient(name: string): GameLiftClient {
  const err = Object.assign(new Error("Rate exceeded"), { name, $metadata: { httpStatusCode: 400 } });
  return { send: async () => Promise.reject(err) } as unknown as GameLiftClient;
}

describe("GameLiftReconcileObserver", () => {
  it("turns a ThrottlingException into ThrottledError, which makes the reconciler back off", async () => {
    const observer = new GameLiftReconcileObserver({ client: throwingClient("ThrottlingException") });

    await expect(observer.describeTickets(["t1"])).rejects.toBeInstanceOf(ThrottledError);
    await expect(observer.describePlacement("p1")).rejects.toBeInstanceOf(ThrottledError);
  });

  it("reads NotFoundException on a placement as unknown", async () => {
    const observer = new GameLiftReconcileObserver({ client: throwingClient("NotFoundException") });

    await expect(observer.describePlacement("p1")).resolves.toBeUndefined();
  });

  it("refuses more than 10 ticket ids per call", async () => {
    const observer = new GameLiftReconcileObserver({ client: throwingClient("ThrottlingException") });

    await expect(observer.describeTickets(Array.from({ length: 11 }, (_, i) => `t${i}`))).rejects.toThrow(RangeError);
  });
});

describe("DescribeMatchmaking / DescribeGameSessionPlacement mapping", () => {
  it("maps a placed ticket with each player's own session", () => {
    const o = toObservedTicket({
      TicketId: "t1",
      ConfigurationName: "arena",
      Status: "COMPLETED",
      StartTime: new Date(5_000),
      Players: [
        { PlayerId: "a", Team: "red" },
        { PlayerId: "b", Team: "blue" },
      ],
      GameSessionConnectionInfo: {
        GameSessionArn: "arn:aws:gamelift:eu-west-1::gamesession/fleet-1/g",
        IpAddress: "10.0.0.1",
        DnsName: "d",
        Port: 7777,
        MatchedPlayerSessions: [
          { PlayerId: "a", PlayerSessionId: "psess-a" },
          { PlayerId: "b", PlayerSessionId: "psess-b" },
        ],
      },
    });

    expect(o).toMatchObject({
      ticketId: "t1",
      status: "COMPLETED",
      startTime: 5_000,
      connection: {
        port: 7777,
        playerSessions: [
          { playerId: "a", playerSessionId: "psess-a" },
          { playerId: "b", playerSessionId: "psess-b" },
        ],
      },
    });
  });

  it("skips a ticket with an unknown status", () => {
    expect(toObservedTicket({ TicketId: "t1", Status: "SOMETHING_NEW" as never })).toBeUndefined();
  });

  it("maps a fulfilled placement from its queue ARN", () => {
    const o = toObservedPlacement({
      PlacementId: "p1",
      GameSessionQueueName: "arn:aws:gamelift:eu-west-1:111122223333:gamesessionqueue/arena",
      Status: "FULFILLED",
      GameSessionArn: "arn:aws:gamelift:eu-west-1::gamesession/fleet-1/g",
      IpAddress: "10.0.0.2",
      Port: 7001,
      PlacedPlayerSessions: [{ PlayerId: "a", PlayerSessionId: "psess-a" }],
    });

    expect(o).toMatchObject({
      queueName: "arena",
      status: "FULFILLED",
      connection: { port: 7001 },
      playerSessions: [{ playerId: "a", playerSessionId: "psess-a" }],
    });
  });

  it("maps a ticket GameLift answers with few fields: no reason, no connection until the port is known", () => {
    const o = toObservedTicket({
      TicketId: "t2",
      Status: "FAILED",
      StatusReason: "TIMED_OUT",
      StatusMessage: "no match",
      EstimatedWaitTime: 30,
      Players: [{ PlayerId: "a" }, {}],
      GameSessionConnectionInfo: {
        GameSessionArn: "arn:aws:gamelift:eu-west-1::gamesession/fleet-1/g",
        IpAddress: "x",
      },
    });

    expect(o).toEqual({
      ticketId: "t2",
      configurationName: "",
      status: "FAILED",
      statusReason: "TIMED_OUT",
      statusMessage: "no match",
      players: [{ playerId: "a" }],
      estimatedWaitSeconds: 30,
    });
    expect(toObservedTicket({ Status: "QUEUED" })).toBeUndefined();
  });

  it("maps a pending placement by queue name, and a fulfilled one known only by its game session id", () => {
    expect(toObservedPlacement({ PlacementId: "p2", GameSessionQueueName: "arena", Status: "PENDING" })).toEqual({
      placementId: "p2",
      queueName: "arena",
      status: "PENDING",
      playerSessions: [],
    });
    expect(
      toObservedPlacement({
        PlacementId: "p3",
        Status: "FULFILLED",
        StartTime: new Date(7_000),
        GameSessionId: "arn:aws:gamelift:eu-west-1::gamesession/fleet-1/g3",
        GameSessionRegion: "eu-west-1",
        IpAddress: "10.0.0.3",
        DnsName: "dns",
        Port: 7002,
        PlacedPlayerSessions: [{ PlayerId: "a" }],
      }),
    ).toEqual({
      placementId: "p3",
      queueName: "",
      status: "FULFILLED",
      startTime: 7_000,
      connection: {
        gameSessionArn: "arn:aws:gamelift:eu-west-1::gamesession/fleet-1/g3",
        ipAddress: "10.0.0.3",
        dnsName: "dns",
        port: 7002,
      },
      gameSessionRegion: "eu-west-1",
      playerSessions: [],
    });
    expect(toObservedPlacement({ PlacementId: "p4", Status: "UNKNOWN" as never })).toBeUndefined();
  });
});
