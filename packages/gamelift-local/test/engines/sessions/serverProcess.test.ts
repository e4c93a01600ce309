import {
  CreateGameSessionCommand,
  CreatePlayerSessionsCommand,
  DescribeGameSessionsCommand,
  DescribePlayerSessionsCommand,
  type GameLiftClient,
} from "@aws-sdk/client-gamelift";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acceptPlayerSession, endGameSessionProcess, removePlayerSession } from "../../../src/index.js";
import { activeFleet } from "../../fixtures.js";
import { startHarness, type Harness } from "../../helpers.js";

describe("simulated server process (Server SDK calls)", () => {
  let h: Harness;
  let gl: GameLiftClient;
  let gameSessionId: string;
  let ids: string[];
  beforeEach(async () => {
    h = await startHarness();
    gl = h.json;
    const { fleetId } = await activeFleet(h, gl);
    gameSessionId =
      (await gl.send(new CreateGameSessionCommand({ FleetId: fleetId, MaximumPlayerSessionCount: 2 }))).GameSession
        ?.GameSessionId ?? "";
    await h.advance(100);
    const made = await gl.send(
      new CreatePlayerSessionsCommand({ GameSessionId: gameSessionId, PlayerIds: ["a", "b"] }),
    );
    ids = (made.PlayerSessions ?? []).map((p) => p.PlayerSessionId ?? "");
  });
  afterEach(async () => {
    await h.emulator.close();
  });

  const statuses = async (): Promise<(string | undefined)[]> =>
    ((await gl.send(new DescribePlayerSessionsCommand({ GameSessionId: gameSessionId }))).PlayerSessions ?? []).map(
      (p) => p.Status,
    );

  it("accepts a reserved player session, which then never times out", async () => {
    expect(acceptPlayerSession(h.emulator.context, ids[0] ?? "")).toBe(true);
    expect(acceptPlayerSession(h.emulator.context, ids[0] ?? "")).toBe(false);
    await h.advance(60_000, 10_000);
    expect(await statuses()).toEqual(["ACTIVE", "TIMEDOUT"]);
  });

  it("removes a player session, freeing its slot", async () => {
    expect(removePlayerSession(h.emulator.context, ids[1] ?? "")).toBe(true);
    expect(await statuses()).toEqual(["RESERVED", "COMPLETED"]);
    const more = await gl.send(new CreatePlayerSessionsCommand({ GameSessionId: gameSessionId, PlayerIds: ["c"] }));
    expect(more.PlayerSessions).toHaveLength(1);
  });

  it("ends the game session when its process ends", async () => {
    expect(endGameSessionProcess(h.emulator.context, gameSessionId)).toBe(true);
    const d = await gl.send(new DescribeGameSessionsCommand({ GameSessionId: gameSessionId }));
    expect(d.GameSessions?.[0]?.Status).toBe("TERMINATED");
    expect(await statuses()).toEqual(["COMPLETED", "COMPLETED"]);
    expect(endGameSessionProcess(h.emulator.context, gameSessionId)).toBe(false);
  });
});
