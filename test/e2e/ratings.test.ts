/**
 * Results, ratings and the end of a session on the whole local stage: 8 players, two rounds. Game
 * servers sign their reports with SigV4 (the stage's serverCredentials), the local API Gateway
 * verifies them, round 1's results update the ratings in one transaction, `/end` moves everyone on,
 * and round 2's StartMatchmaking carries the new skills (the emulator's DescribeMatchmaking shows them).
 */
import {
  DescribeMatchmakingCommand,
  DescribePlayerSessionsCommand,
  GameLiftClient,
  TerminateGameSessionCommand,
} from "@aws-sdk/client-gamelift";
import { signedPost } from "@matchplace/cli";
import { createClient, type MatchplaceClient } from "@matchplace/client";
import type { LocalStage } from "@matchplace/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startTestStage, tokenFor } from "../support/stage.js";

const FLEET_B = {
  accessKeyId: "AKIAFLEETB00000001",
  secretAccessKey: "fleet-b-secret",
  userArn: "arn:aws:iam::123456789012:user/fleet-b-server",
  fleetIds: ["fleet-00000000-0000-0000-0000-00000000000b"],
};

let stage: LocalStage;
let gl: GameLiftClient;
const recorded: { type: string; gameSessionArn: string; players: { playerId: string; after: { mu: number } }[] }[] = [];

beforeAll(async () => {
  stage = await startTestStage({ extraServerCredentials: [FLEET_B] });
  gl = new GameLiftClient({
    endpoint: stage.endpoints.gamelift,
    region: stage.endpoints.region,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  stage.sns.subscribe(stage.endpoints.topics.matchEvents, "result-watcher", async (event: unknown) => {
    for (const r of (event as { Records: { Sns: { Message: string } }[] }).Records) {
      const body = JSON.parse(r.Sns.Message) as (typeof recorded)[number];
      if (body.type === "MatchResultRecorded") recorded.push(body);
    }
  });
}, 120_000);
afterAll(async () => {
  gl?.destroy();
  await stage?.stop();
});

interface Played {
  readonly playerId: string;
  readonly client: MatchplaceClient;
  readonly ticketId: string;
  readonly team: string;
  readonly gameSessionArn: string;
}

/** Every player matchmakes; returns where each landed (the game session ARN as a game server knows it). */
async function round(clients: readonly { playerId: string; client: MatchplaceClient }[]): Promise<Played[]> {
  const started = await Promise.all(clients.map((c) => c.client.startMatchmaking({})));
  const views = await Promise.all(
    started.map((s, i) => clients[i]!.client.waitForTicket(s.ticketId, { timeoutMs: 60_000 })),
  );
  return Promise.all(
    views.map(async (v, i) => {
      expect(v.status).toBe("COMPLETED");
      const ps = await gl.send(
        new DescribePlayerSessionsCommand({ PlayerSessionId: v.connection?.playerSessionId ?? "" }),
      );
      return {
        ...clients[i]!,
        ticketId: v.ticketId,
        team: v.match?.team ?? "",
        gameSessionArn: ps.PlayerSessions?.[0]?.GameSessionId ?? "",
      };
    }),
  );
}

const bySession = (played: readonly Played[]): Map<string, Played[]> => {
  const out = new Map<string, Played[]>();
  for (const p of played) out.set(p.gameSessionArn, [...(out.get(p.gameSessionArn) ?? []), p]);
  return out;
};

describe("two rounds of 8 players with results in between", () => {
  it("rates round 1, ends the sessions, and round 2 matchmakes on the new ratings", async () => {
    const run = Date.now().toString(36);
    const clients = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const playerId = `rated${i + 1}-${run}`;
        return {
          playerId,
          client: createClient({ baseUrl: stage.endpoints.api, token: await tokenFor(stage.endpoints.api, playerId) }),
        };
      }),
    );
    const creds = stage.endpoints.serverCredentials;
    const region = stage.endpoints.region;
    const api = stage.endpoints.api;

    // Round 1: everyone starts at the rule set's default skill.
    for (const c of clients) expect((await c.client.getMe()).skill).toBe(1000);
    const first = await round(clients);
    const sessions = bySession(first);
    expect(sessions.size).toBe(2);

    const winners = new Set<string>();
    for (const [arn, members] of sessions) {
      const winner = [...members].sort((a, b) => a.playerId.localeCompare(b.playerId))[0]!.team;
      for (const m of members) if (m.team === winner) winners.add(m.playerId);
      const loser = members.find((m) => m.team !== winner)!.team;
      const body = {
        teams: [
          { team: winner, rank: 1 },
          { team: loser, rank: 2 },
        ],
      };
      const path = `/v1/server/game-sessions/${encodeURIComponent(arn)}`;

      // Only this fleet's servers, signed, may report; a player's JWT and another fleet's server may not.
      const otherFleet = await signedPost(api, FLEET_B, region, `${path}/results`, body);
      const asPlayer = await call(api, await tokenFor(api, members[0]!.playerId), "POST", `${path}/results`, body);
      expect(otherFleet).toMatchObject({ status: 403, body: { error: { code: "FLEET_NOT_ALLOWED" } } });
      expect(asPlayer.status).toBe(403);

      const reported = await signedPost(api, creds, region, `${path}/results`, body);
      const retried = await signedPost(api, creds, region, `${path}/results`, body);
      expect(reported.status).toBe(200);
      expect(retried).toEqual(reported);
      expect((await signedPost(api, creds, region, `${path}/end`, {})).status).toBe(200);
      await gl.send(new TerminateGameSessionCommand({ GameSessionId: arn, TerminationMode: "FORCE_TERMINATE" }));
    }
    expect(winners.size).toBe(4);

    // Everyone moved on: no current ticket; the profile shows the new rating and skill.
    const skills = new Map<string, number>();
    for (const c of clients) {
      expect((await call(api, await tokenFor(api, c.playerId), "GET", "/v1/matchmaking/current")).status).toBe(404);
      const me = await c.client.getMe();
      expect(me.ratings["arena"]?.matches).toBe(1);
      expect(me.skill).not.toBe(1000);
      expect(me.skill > 1000).toBe(winners.has(c.playerId));
      skills.set(c.playerId, me.skill);
    }
    expect(new Set(recorded.map((e) => e.gameSessionArn))).toEqual(new Set(sessions.keys()));

    // Round 2: StartMatchmaking carries each player's new skill.
    const second = await round(clients);
    const described = await gl.send(new DescribeMatchmakingCommand({ TicketIds: second.map((p) => p.ticketId) }));
    for (const t of described.TicketList ?? []) {
      for (const p of t.Players ?? []) expect(p.PlayerAttributes?.["skill"]?.N).toBe(skills.get(p.PlayerId ?? ""));
    }
    expect(described.TicketList).toHaveLength(8);
    // FairTeamSkill now weighs different skills: each round-2 team's average is within the rule's
    // largest expansion (1000) of the match's, and the skills sent were the rated ones (above).
    for (const members of bySession(second).values()) {
      const avg = (ps: readonly Played[]): number =>
        ps.reduce((n, p) => n + (skills.get(p.playerId) ?? 0), 0) / ps.length;
      for (const team of new Set(members.map((m) => m.team))) {
        expect(Math.abs(avg(members.filter((m) => m.team === team)) - avg(members))).toBeLessThanOrEqual(1000);
      }
    }
  }, 180_000);
});
