/**
 * Game-server routes at the handler level: real matches (emulator + folded events in DynamoDB
 * Local), literal IAM-authorised API Gateway events, a fake SNS for MatchEvents.
 */
import { DescribeFleetAttributesCommand, DescribeMatchmakingCommand } from "@aws-sdk/client-gamelift";
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiEvent, invoke, type Reply } from "../http/events.js";
import { startStage, type Stage } from "../http/harness.js";
import { startFakeSns, type FakeSns } from "./fakeSns.js";

const FLEET_A_ROLE = "arn:aws:iam::123456789012:role/arena-fleet";
const FLEET_B_ROLE = "arn:aws:iam::123456789012:role/other-fleet";
const signer = (role: string): string =>
  `${role.replace(":iam::", ":sts::").replace(":role/", ":assumed-role/")}/i-0123456789abcdef0`;

let stage: Stage;
let sns: FakeSns;
let start: typeof import("../../src/matchmaking/start.js").handler;
let current: typeof import("../../src/matchmaking/current.js").handler;
let getMe: typeof import("../../src/players/getMe.js").handler;
let results: typeof import("../../src/server/results.js").handler;
let end: typeof import("../../src/server/end.js").handler;

beforeAll(async () => {
  stage = await startStage();
  sns = await startFakeSns();
  const fleetId =
    (await stage.gamelift.send(new DescribeFleetAttributesCommand({}))).FleetAttributes?.[0]?.FleetId ?? "";
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SNS: sns.url,
    SST_RESOURCE_MatchEvents: JSON.stringify({ arn: "arn:aws:sns:us-east-1:123456789012:match-events" }),
    MATCHPLACE_SERVER_FLEETS: JSON.stringify({
      [FLEET_A_ROLE]: [fleetId],
      [FLEET_B_ROLE]: ["fleet-00000000-0000-0000-0000-00000000000b"],
    }),
  });
  ({ handler: start } = await import("../../src/matchmaking/start.js"));
  ({ handler: current } = await import("../../src/matchmaking/current.js"));
  ({ handler: getMe } = await import("../../src/players/getMe.js"));
  ({ handler: results } = await import("../../src/server/results.js"));
  ({ handler: end } = await import("../../src/server/end.js"));
  await stage.advance(30_000, 1000); // fleet activation
});
afterAll(async () => {
  await stage.close();
  await sns.close();
});

/** An IAM-authorised event as API Gateway builds it (payload 2.0, `authorizer.iam`). */
function serverEvent(
  kind: "results" | "end",
  gameSessionId: string,
  body: unknown,
  role = FLEET_A_ROLE,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const route = `/v1/server/game-sessions/{gameSessionId}/${kind}`;
  const event = apiEvent({
    method: "POST",
    path: route.replace("{gameSessionId}", encodeURIComponent(gameSessionId)),
    route,
    pathParameters: { gameSessionId },
    sub: null,
    body,
  });
  const iam = {
    accessKey: "ASIAEXAMPLE",
    accountId: "123456789012",
    callerId: "AROAEXAMPLE:i-0123",
    cognitoIdentity: null,
    principalOrgId: null,
    userArn: signer(role),
    userId: "AROAEXAMPLE:i-0123",
  };
  return { ...event, requestContext: { ...event.requestContext, authorizer: { iam } as never } };
}
const report = (gameSessionId: string, body: unknown, role?: string): Promise<Reply> =>
  invoke(results, serverEvent("results", gameSessionId, body, role));
const endSession = (gameSessionId: string, role?: string): Promise<Reply> =>
  invoke(end, serverEvent("end", gameSessionId, undefined, role));
const startAs = (sub: string): Promise<Reply> =>
  invoke(start, apiEvent({ method: "POST", path: "/v1/matchmaking", sub, body: {} }));

/** Four players matched into one game session: its ARN and who is on which team. */
async function playMatch(prefix: string): Promise<{ arn: string; teams: Record<string, string[]>; players: string[] }> {
  const players = [1, 2, 3, 4].map((i) => `${prefix}-${i}`);
  for (const p of players) expect((await startAs(p)).status).toBe(202);
  await stage.advance(20_000, 500);
  const me = await invoke(current, apiEvent({ method: "GET", path: "/v1/matchmaking/current", sub: players[0] }));
  const ticketId = (me.body as { ticketId: string }).ticketId;
  const ticket = await stage.tickets.get(ticketId);
  const arn = ticket?.connection?.gameSessionArn ?? "";
  const teams: Record<string, string[]> = {};
  for (const p of players) {
    const cur = await invoke(current, apiEvent({ method: "GET", path: "/v1/matchmaking/current", sub: p }));
    const t = await stage.tickets.get((cur.body as { ticketId: string }).ticketId);
    const team = t?.players[p]?.team ?? "";
    (teams[team] ??= []).push(p);
  }
  return { arn, teams, players };
}

const ranked = (winner: string, loser: string) => ({
  teams: [
    { team: winner, rank: 1 },
    { team: loser, rank: 2 },
  ],
});

describe("POST /v1/server/game-sessions/{id}/results", () => {
  it("records a result once under concurrent duplicate reports: every reply is the same 200, ratings move once", async () => {
    const m = await playMatch("dup");
    const [winner, loser] = Object.keys(m.teams) as [string, string];
    expect(m.arn).toMatch(/^arn:aws:gamelift:us-east-1::gamesession\/fleet-/);

    const replies = await Promise.all(Array.from({ length: 6 }, () => report(m.arn, ranked(winner, loser))));

    for (const r of replies) expect(r.status).toBe(200);
    for (const r of replies) expect(r.body).toEqual(replies[0]?.body);
    const body = replies[0]?.body as {
      players: {
        playerId: string;
        team: string;
        before: { mu: number; matches: number };
        after: { mu: number; matches: number };
      }[];
    };
    expect(body.players).toHaveLength(4);
    for (const p of body.players) {
      expect(p.before).toMatchObject({ mu: 25, matches: 0 });
      expect(p.after.matches).toBe(1);
      expect(p.after.mu > 25).toBe(p.team === winner);
    }
    const me = await invoke(
      getMe,
      apiEvent({ method: "GET", path: "/v1/players/me", sub: m.teams[winner]?.[0] ?? "" }),
    );
    const ratings = (me.body as { ratings: Record<string, { matches: number; mu: number }>; skill: number }).ratings;
    expect(ratings["arena"]?.matches).toBe(1);
    expect((me.body as { skill: number }).skill).toBeGreaterThan(1000);
    // One MatchResultRecorded per 200 (at-least-once), all with the same id and body.
    const events = sns.published.filter((p) => p.attributes["type"] === "MatchResultRecorded");
    expect(events).toHaveLength(6);
    expect(new Set(events.map((e) => e.message)).size).toBe(1);
    expect(JSON.parse(events[0]?.message ?? "{}")).toMatchObject({
      id: `result:${m.arn}`,
      gameSessionArn: m.arn,
      configurationName: "arena",
    });
    expect(events[0]?.attributes["configurationName"]).toBe("arena");

    // A later identical report (however ordered) is the same 200; a different one is a conflict.
    const again = await report(m.arn, {
      teams: [
        { rank: 2, team: loser },
        { team: winner, rank: 1 },
      ],
    });
    const other = await report(m.arn, ranked(loser, winner));
    expect(again).toMatchObject({ status: 200, body: replies[0]?.body });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ error: { code: "RESULT_CONFLICT" } });
  });

  it("accepts the session's last path segment and validates teams and players against the match (422)", async () => {
    const m = await playMatch("val");
    const [a, b] = Object.keys(m.teams) as [string, string];
    const shortId = m.arn.slice(m.arn.lastIndexOf("/") + 1);

    const unknownTeam = await report(shortId, {
      teams: [
        { team: a, rank: 1 },
        { team: "green", rank: 2 },
      ],
    });
    const unknownPlayer = await report(shortId, {
      teams: [
        { team: a, rank: 1, players: [{ playerId: "stranger" }] },
        { team: b, rank: 2 },
      ],
    });
    const wrongTeam = await report(shortId, {
      teams: [
        { team: a, rank: 1, players: [{ playerId: m.teams[b]?.[0] ?? "" }] },
        { team: b, rank: 2 },
      ],
    });
    const leaver = await report(shortId, { ...ranked(a, b), leftEarly: ["stranger"] });
    const malformed = await report(shortId, {
      teams: [
        { team: a, rank: 1, score: 3 },
        { team: b, rank: 2 },
      ],
    });

    expect(unknownTeam).toMatchObject({ status: 422, body: { error: { code: "UNKNOWN_TEAM" } } });
    expect(unknownPlayer).toMatchObject({ status: 422, body: { error: { code: "UNKNOWN_PLAYER" } } });
    expect(wrongTeam).toMatchObject({ status: 422, body: { error: { code: "WRONG_TEAM" } } });
    expect(leaver).toMatchObject({
      status: 422,
      body: { error: { code: "UNKNOWN_PLAYER", message: expect.stringMatching(/^body\.leftEarly\.0/) } },
    });
    expect(malformed).toMatchObject({ status: 400, body: { error: { code: "VALIDATION_FAILED" } } });
    const ok = await report(shortId, { ...ranked(a, b), leftEarly: [m.teams[b]?.[1] ?? ""] });
    expect(ok).toMatchObject({ status: 200, body: { gameSessionArn: m.arn } });
  });

  it("refuses a server of another fleet (403 FLEET_NOT_ALLOWED), an unconfigured one, and a player's JWT event (403)", async () => {
    const m = await playMatch("own");
    const [a, b] = Object.keys(m.teams) as [string, string];

    const fleetB = await report(m.arn, ranked(a, b), FLEET_B_ROLE);
    const stranger = await report(m.arn, ranked(a, b), "arn:aws:iam::123456789012:role/unknown");
    const jwt = await invoke(
      results,
      apiEvent({
        method: "POST",
        path: "/v1/server/game-sessions/x/results",
        route: "/v1/server/game-sessions/{gameSessionId}/results",
        pathParameters: { gameSessionId: m.arn },
        sub: m.players[0] ?? "",
        body: ranked(a, b),
      }),
    );
    const unknown = await report("arn:aws:gamelift:us-east-1::gamesession/fleet-x/nope", ranked(a, b));

    expect(fleetB).toMatchObject({ status: 403, body: { error: { code: "FLEET_NOT_ALLOWED" } } });
    expect(stranger).toMatchObject({ status: 403, body: { error: { code: "FLEET_NOT_ALLOWED" } } });
    expect(jwt).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
    expect(unknown.status).toBe(404);
    expect((await endSession(m.arn, FLEET_B_ROLE)).status).toBe(403);
  });
});

describe("POST /v1/server/game-sessions/{id}/end, then a second round", () => {
  it("moves every player on (no current ticket, a new start is allowed) and the next StartMatchmaking carries the new ratings", async () => {
    const m = await playMatch("round");
    const [winner, loser] = Object.keys(m.teams) as [string, string];
    expect((await report(encodeURIComponent(m.arn), ranked(winner, loser))).status).toBe(200);

    const ended = await endSession(m.arn);
    const again = await endSession(m.arn);

    expect(ended).toMatchObject({ status: 200, body: { gameSessionArn: m.arn } });
    expect(again.status).toBe(200);
    for (const p of m.players) {
      expect((await invoke(current, apiEvent({ method: "GET", path: "/v1/matchmaking/current", sub: p }))).status).toBe(
        404,
      );
    }
    const winnerId = m.teams[winner]?.[0] ?? "";
    const loserId = m.teams[loser]?.[0] ?? "";
    const next = await startAs(winnerId);
    const nextLoser = await startAs(loserId);
    expect(next.status).toBe(202);
    const described = await stage.gamelift.send(
      new DescribeMatchmakingCommand({
        TicketIds: [(next.body as { ticketId: string }).ticketId, (nextLoser.body as { ticketId: string }).ticketId],
      }),
    );
    const skillOf = (i: number): number | undefined =>
      described.TicketList?.[i]?.Players?.[0]?.PlayerAttributes?.["skill"]?.N;
    const me = await invoke(getMe, apiEvent({ method: "GET", path: "/v1/players/me", sub: winnerId }));
    expect(skillOf(0)).toBe((me.body as { skill: number }).skill);
    expect(skillOf(0)).toBeGreaterThan(1000);
    expect(skillOf(1)).not.toBe(skillOf(0));
  });
});
