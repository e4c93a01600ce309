import {
  CreateGameSessionCommand,
  CreatePlayerSessionsCommand,
  CreateScriptCommand,
  DescribeFleetCapacityCommand,
  DescribeFleetUtilizationCommand,
  DescribeGameSessionQueuesCommand,
  DescribeGameSessionsCommand,
  DescribeInstancesCommand,
  DescribePlayerSessionsCommand,
  ListFleetsCommand,
  ListScriptsCommand,
  SearchGameSessionsCommand,
  type GameLiftClient,
} from "@aws-sdk/client-gamelift";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeFleet, queue } from "../fixtures.js";
import { startHarness, type Harness } from "../helpers.js";

/** Collects every page of a list operation with Limit 2; returns the page sizes and all items. */
async function pages<T>(
  fetchPage: (token: string | undefined) => Promise<{ items: T[]; next?: string }>,
): Promise<{ sizes: number[]; items: T[] }> {
  const sizes: number[] = [];
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    sizes.push(page.items.length);
    items.push(...page.items);
    token = page.next;
  } while (token !== undefined);
  return { sizes, items };
}

describe("Limit/NextToken pagination", () => {
  let h: Harness;
  let gl: GameLiftClient;
  let fleetId: string;
  let gameSessionId: string;
  beforeAll(async () => {
    h = await startHarness();
    gl = h.json;
    const fleets = [];
    for (const name of ["a", "b", "c"]) fleets.push(await activeFleet(h, gl, { name, instances: 3, processes: 2 }));
    fleetId = fleets[0]?.fleetId ?? "";
    for (const name of ["q1", "q2", "q3"]) await queue(gl, name, [fleets[0]?.fleetArn ?? ""]);
    for (let i = 0; i < 5; i++) {
      const gs = await gl.send(new CreateGameSessionCommand({ FleetId: fleetId, MaximumPlayerSessionCount: 10 }));
      gameSessionId ||= gs.GameSession?.GameSessionId ?? "";
    }
    for (const Name of ["s1", "s2", "s3"])
      await gl.send(new CreateScriptCommand({ Name, ZipFile: new Uint8Array([1]) }));
    await h.advance(100);
    await gl.send(new CreatePlayerSessionsCommand({ GameSessionId: gameSessionId, PlayerIds: ["p1", "p2", "p3"] }));
  });
  afterAll(async () => {
    await h.emulator.close();
  });

  it.each([
    [
      "ListFleets",
      [2, 1],
      (t?: string) =>
        gl
          .send(new ListFleetsCommand({ Limit: 2, NextToken: t }))
          .then((o) => ({ items: o.FleetIds ?? [], next: o.NextToken })),
    ],
    [
      "DescribeFleetCapacity",
      [2, 1],
      (t?: string) =>
        gl
          .send(new DescribeFleetCapacityCommand({ Limit: 2, NextToken: t }))
          .then((o) => ({ items: o.FleetCapacity ?? [], next: o.NextToken })),
    ],
    [
      "DescribeFleetUtilization",
      [2, 1],
      (t?: string) =>
        gl
          .send(new DescribeFleetUtilizationCommand({ Limit: 2, NextToken: t }))
          .then((o) => ({ items: o.FleetUtilization ?? [], next: o.NextToken })),
    ],
    [
      "DescribeInstances",
      [2, 1],
      (t?: string) =>
        gl
          .send(new DescribeInstancesCommand({ FleetId: fleetId, Limit: 2, NextToken: t }))
          .then((o) => ({ items: o.Instances ?? [], next: o.NextToken })),
    ],
    [
      "DescribeGameSessionQueues",
      [2, 1],
      (t?: string) =>
        gl
          .send(new DescribeGameSessionQueuesCommand({ Limit: 2, NextToken: t }))
          .then((o) => ({ items: o.GameSessionQueues ?? [], next: o.NextToken })),
    ],
    [
      "DescribeGameSessions",
      [2, 2, 1],
      (t?: string) =>
        gl
          .send(new DescribeGameSessionsCommand({ FleetId: fleetId, Limit: 2, NextToken: t }))
          .then((o) => ({ items: o.GameSessions ?? [], next: o.NextToken })),
    ],
    [
      "SearchGameSessions",
      [2, 2, 1],
      (t?: string) =>
        gl
          .send(new SearchGameSessionsCommand({ FleetId: fleetId, Limit: 2, NextToken: t }))
          .then((o) => ({ items: o.GameSessions ?? [], next: o.NextToken })),
    ],
    [
      "DescribePlayerSessions",
      [2, 1],
      (t?: string) =>
        gl
          .send(new DescribePlayerSessionsCommand({ GameSessionId: gameSessionId, Limit: 2, NextToken: t }))
          .then((o) => ({ items: o.PlayerSessions ?? [], next: o.NextToken })),
    ],
    [
      "ListScripts",
      [2, 1],
      (t?: string) =>
        gl
          .send(new ListScriptsCommand({ Limit: 2, NextToken: t }))
          .then((o) => ({ items: o.Scripts ?? [], next: o.NextToken })),
    ],
  ] as const)("%s pages %j", async (_name, sizes, fetchPage) => {
    const all = await pages<unknown>(fetchPage);
    expect(all.sizes).toEqual(sizes);
    expect(new Set(all.items.map((i) => JSON.stringify(i))).size).toBe(all.items.length);
  });

  it("rejects a NextToken it did not issue", async () => {
    await expect(gl.send(new ListFleetsCommand({ NextToken: "forged" }))).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
  });
});
