/**
 * A forged `aws sns publish` to the local stage's events topic is refused exactly as on AWS: the
 * consumer vets every event against the stage's identity (seeded emulator: account, Region,
 * configuration/queue ARNs, fleets), so a message that names the right topic still changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalStage } from "@matchplace/local";
import { call, startTestStage, tokenFor } from "../support/stage.js";

describe("the local stage refuses a forged SNS publish", () => {
  let stage: LocalStage;
  let api: string;

  beforeAll(async () => {
    stage = await startTestStage();
    api = stage.endpoints.api;
  }, 120_000);

  afterAll(async () => {
    await stage?.stop();
  });

  /** Publishes like `aws sns publish --topic-arn … --message …` (the SNS Query API over HTTP). */
  async function publish(message: unknown): Promise<number> {
    const body = new URLSearchParams({
      Action: "Publish",
      TopicArn: stage.endpoints.topics.events,
      Message: JSON.stringify(message),
    });
    const res = await fetch(stage.endpoints.sns, {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    await res.text();
    await stage.sns.drain();
    return res.status;
  }

  it("keeps a player's ticket untouched by forged successes", async () => {
    const player = `victim-${Date.now().toString(36)}`;
    const token = await tokenFor(api, player);
    const started = await call(api, token, "POST", "/v1/matchmaking", {});
    expect(started.status).toBe(202);
    const ticketId = String(started.body.ticketId);
    const { region, accountId } = stage.endpoints;
    const configArn = `arn:aws:gamelift:${region}:${accountId}:matchmakingconfiguration/${stage.endpoints.matchmaking.configurationName}`;
    const fleetId = stage.seeded.fleetIds[0] ?? "";
    const succeeded = (
      over: Record<string, unknown>,
      gameSessionArn: string,
      playerId = player,
    ): Record<string, unknown> => ({
      version: "0",
      id: `forged-${Math.random().toString(36).slice(2)}`,
      "detail-type": "GameLift Matchmaking Event",
      source: "aws.gamelift",
      account: accountId,
      time: new Date().toISOString(),
      region,
      resources: [configArn],
      detail: {
        type: "MatchmakingSucceeded",
        matchId: "forged-match",
        tickets: [
          {
            ticketId,
            startTime: new Date().toISOString(),
            players: [{ playerId, team: "red", playerSessionId: "psess-evil" }],
          },
        ],
        gameSessionInfo: {
          gameSessionArn,
          ipAddress: "6.6.6.6",
          dnsName: "evil.example",
          port: 666,
          players: [{ playerId, team: "red", playerSessionId: "psess-evil" }],
        },
      },
      ...over,
    });
    const ours = `arn:aws:gamelift:${region}::gamesession/${fleetId}/gsess-forged`;
    const theirs = `arn:aws:gamelift:${region}::gamesession/fleet-00000000-0000-0000-0000-000000000000/gsess-forged`;

    expect(await publish(succeeded({ account: "999999999999" }, ours))).toBe(200);
    expect(await publish(succeeded({ source: "my.app" }, ours))).toBe(200);
    expect(await publish(succeeded({}, theirs))).toBe(200);
    expect(await publish(succeeded({}, ours, "mallory"))).toBe(200);
    expect(await publish(succeeded({ time: new Date(Date.now() + 3_600_000).toISOString() }, ours))).toBe(200);

    const view = await call(api, token, "GET", `/v1/matchmaking/${ticketId}`);
    expect(view.status).toBe(200);
    expect(view.body.status).not.toBe("COMPLETED");
    expect(JSON.stringify(view.body)).not.toContain("6.6.6.6");
    // Refused, not failed: nothing went to the dead-letter queue.
    expect(stage.sns.deadLetters()).toEqual([]);
  }, 60_000);
});
