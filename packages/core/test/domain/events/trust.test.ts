import { describe, expect, it } from "vitest";
import { decodeEnvelope } from "../../../src/domain/events/decode.js";
import {
  DEFAULT_MAX_SKEW_MS,
  EVENT_LIMITS,
  InvalidEventTrustError,
  parseEventTrust,
  parseGameSessionArn,
  vetDecoded,
  type EventTrust,
} from "../../../src/domain/events/trust.js";
import { CONFIG_ARN, flexMatchEnvelope, GS_ARN, placementEnvelope, QUEUE_ARN } from "./fixtures.js";

const FLEET = "fleet-5d9c1b7e-2f3a-4e8b-9c6d-0a1b2c3d4e5f";
const trust: EventTrust = {
  account: "111122223333",
  region: "eu-west-1",
  resources: [CONFIG_ARN, QUEUE_ARN],
  fleetIds: [FLEET],
};
const NOW = 1_700_000_000_000;

const searching = (
  extra: Record<string, unknown> = {},
  tickets = [{ ticketId: "t1", players: [{ playerId: "p1" }] }],
) => flexMatchEnvelope("MatchmakingSearching", tickets, { id: "e1", time: NOW, extra });
const succeeded = (session: Record<string, unknown>) =>
  flexMatchEnvelope("MatchmakingSucceeded", [{ ticketId: "t1", players: [{ playerId: "p1", team: "red" }] }], {
    id: "e2",
    time: NOW,
    session: { ipAddress: "10.0.0.1", port: 7777, ...session },
  });
const fulfilled = (players = [{ playerId: "p1", playerSessionId: "psess-1" }]) =>
  placementEnvelope("PlacementFulfilled", "plc-1", { id: "e3", time: NOW, players });

const vet = (envelope: unknown, t: EventTrust = trust, now = NOW) => vetDecoded(decodeEnvelope(envelope), t, now);

describe("vetDecoded: an event GameLift sent to this stage", () => {
  it("accepts this stage's FlexMatch and placement events", () => {
    expect(vet(searching())).toBeUndefined();
    expect(vet(succeeded({ gameSessionArn: GS_ARN }))).toBeUndefined();
    expect(vet(fulfilled())).toBeUndefined();
  });

  it("lets unknown and poison messages through to be acknowledged", () => {
    expect(vet({ ...searching(), detail: { type: "SomethingNew" } })).toBeUndefined();
    expect(vetDecoded({ kind: "poison", error: "x", raw: "x" }, trust, NOW)).toBeUndefined();
  });

  it.each([
    ["source", { source: "aws.ec2" }, "source is not aws.gamelift"],
    ["account", { account: "999999999999" }, "account is not this stage's"],
    ["region", { region: "us-east-1" }, "region is not this stage's"],
    [
      "foreign resources",
      { resources: ["arn:aws:gamelift:eu-west-1:111122223333:matchmakingconfiguration/other"] },
      "resources is not this stage's configuration or queue",
    ],
    ["two resources", { resources: [CONFIG_ARN, CONFIG_ARN] }, "resources is not this stage's configuration or queue"],
    [
      "a queue as a ticket's resource",
      { resources: [QUEUE_ARN] },
      "resources does not name a matchmaking configuration",
    ],
  ])("refuses a ticket event with another %s", (_what, override, reason) => {
    expect(vet({ ...searching(), ...override })).toBe(reason);
  });

  it("refuses a placement event under the FlexMatch detail-type, and one naming a configuration", () => {
    expect(vet({ ...fulfilled(), "detail-type": "GameLift Matchmaking Event" })).toMatch(/detail-type|resources/);
    expect(vet({ ...fulfilled(), resources: [CONFIG_ARN] })).toBe("resources does not name a game session queue");
  });

  it("refuses a time further in the future than the tolerated skew, which is configurable", () => {
    const ahead = NOW - DEFAULT_MAX_SKEW_MS - 1;

    expect(vet(searching(), trust, ahead)).toBe("time is in the future");
    expect(vet(searching(), trust, NOW - DEFAULT_MAX_SKEW_MS)).toBeUndefined();
    expect(vet(searching(), { ...trust, maxSkewMs: 0 }, NOW - 1)).toBe("time is in the future");
  });

  it.each([
    [
      "not a game session ARN",
      `arn:aws:gamelift:eu-west-1::fleet/${FLEET}`,
      "gameSessionArn is not a game session ARN",
    ],
    [
      "in another Region",
      `arn:aws:gamelift:us-east-1::gamesession/${FLEET}/gsess-1`,
      "game session is not in this stage's Region",
    ],
    [
      "on a foreign fleet",
      "arn:aws:gamelift:eu-west-1::gamesession/fleet-00000000-0000-0000-0000-000000000000/gsess-1",
      "game session is not on a fleet this stage's queues place on",
    ],
    [
      "too long",
      `arn:aws:gamelift:eu-west-1::gamesession/${FLEET}/${"g".repeat(EVENT_LIMITS.arn)}`,
      `gameSessionArn longer than ${EVENT_LIMITS.arn}`,
    ],
  ])("refuses a game session %s", (_what, arn, reason) => {
    expect(vet(succeeded({ gameSessionArn: arn }))).toBe(reason);
  });

  it("checks the game session's location against the stage's locations (home Region or remote location)", () => {
    const remote = `arn:aws:gamelift:eu-west-1::gamesession/${FLEET}/eu-central-1/gsess-1`;
    const withLocations = { ...trust, locations: ["eu-west-1"] };

    expect(vet(succeeded({ gameSessionArn: GS_ARN }), withLocations)).toBeUndefined();
    expect(vet(succeeded({ gameSessionArn: remote }), withLocations)).toBe(
      "game session is not in a location this stage's queues place on",
    );
    expect(vet(succeeded({ gameSessionArn: remote }), { ...trust, locations: ["eu-central-1"] })).toBeUndefined();
  });

  it("refuses a ticket without players, except GameLift's own auto-backfill ticket", () => {
    expect(vet(searching({}, [{ ticketId: "t-empty", players: [] }]))).toBe("ticket t-empty lists no players");
    expect(vet(searching({}, [{ ticketId: "auto-backfill-1", players: [] }]))).toBeUndefined();
  });

  it("refuses more tickets or players than one FlexMatch match can have", () => {
    const many = Array.from({ length: EVENT_LIMITS.ticketsPerEvent + 1 }, (_, i) => ({
      ticketId: `t${i}`,
      players: [{ playerId: `p${i}` }],
    }));

    expect(vet(searching({}, many))).toMatch(/^more than 200 (tickets|players)$/);
  });

  it.each([
    ["playerId", [{ ticketId: "t1", players: [{ playerId: "p".repeat(129) }] }], "playerId longer than 128"],
    ["team", [{ ticketId: "t1", players: [{ playerId: "p1", team: "t".repeat(129) }] }], "team longer than 128"],
    ["ticketId", [{ ticketId: "t".repeat(129), players: [{ playerId: "p1" }] }], "ticketId longer than 128"],
  ])("refuses a ticket event whose %s is longer than GameLift allows", (_field, tickets, reason) => {
    expect(vet(searching({}, tickets))).toBe(reason);
  });

  it("refuses a ticket event whose failure message or reason is longer than GameLift sends", () => {
    const failed = (extra: Record<string, unknown>) =>
      flexMatchEnvelope("MatchmakingFailed", [{ ticketId: "t1", players: [{ playerId: "p1" }] }], {
        id: "e4",
        time: NOW,
        extra,
      });

    expect(vet(failed({ reason: "r".repeat(257) }))).toBe("reason longer than 256");
    expect(vet(failed({ message: "m".repeat(1025) }))).toBe("message longer than 1024");
  });

  it("refuses a placement event whose stored fields are longer than GameLift sends", () => {
    const long = placementEnvelope("PlacementFulfilled", "p".repeat(49), { id: "e5", time: NOW, players: [] });
    const session = fulfilled([{ playerId: "p1", playerSessionId: "s".repeat(129) }]);
    const dns = { ...fulfilled(), detail: { ...(fulfilled().detail as object), dnsName: "d".repeat(257) } };

    expect(vet(long)).toBe("placementId longer than 48");
    expect(vet(session)).toBe("playerSessionId longer than 128");
    expect(vet(dns)).toBe("dnsName longer than 256");
  });
});

describe("parseGameSessionArn", () => {
  it("reads the Region, fleet, optional location and id", () => {
    expect(parseGameSessionArn(GS_ARN)).toEqual({ region: "eu-west-1", fleetId: FLEET, id: "gsess-81f04c2d" });
    expect(parseGameSessionArn(`arn:aws:gamelift:eu-west-1::gamesession/${FLEET}/us-west-2/gsess-1`)).toEqual({
      region: "eu-west-1",
      fleetId: FLEET,
      location: "us-west-2",
      id: "gsess-1",
    });
    expect(parseGameSessionArn("arn:aws:gamelift:eu-west-1::alias/alias-1")).toBeUndefined();
  });
});

describe("parseEventTrust", () => {
  it("reads the EventsTrust link, keeping locations and maxSkewMs only when given", () => {
    expect(parseEventTrust({ ...trust })).toEqual(trust);
    expect(parseEventTrust({ ...trust, locations: ["eu-west-1"], maxSkewMs: 0 })).toEqual({
      ...trust,
      locations: ["eu-west-1"],
      maxSkewMs: 0,
    });
  });

  it("fails closed on a missing or malformed identity, naming each bad field", () => {
    expect(() => parseEventTrust(null)).toThrow(InvalidEventTrustError);
    expect(() => parseEventTrust(null)).toThrow(/^invalid EventsTrust: \(root\): /);
    expect(() => parseEventTrust({ ...trust, account: "12", resources: [] })).toThrow(/account: .*; resources: /);
    expect(() => parseEventTrust({ ...trust, extra: true })).toThrow(InvalidEventTrustError);
  });
});
