import {
  CreateAliasCommand,
  CreateGameSessionCommand,
  CreateGameSessionQueueCommand,
  CreateMatchmakingRuleSetCommand,
  DeleteAliasCommand,
  DescribeAliasCommand,
  DescribeGameSessionPlacementCommand,
  DescribeVpcPeeringConnectionsCommand,
  ListAliasesCommand,
  ListTagsForResourceCommand,
  ResolveAliasCommand,
  SearchGameSessionsCommand,
  StartGameSessionPlacementCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAliasCommand,
  type GameLiftClient,
} from "@aws-sdk/client-gamelift";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activeFleet } from "../../fixtures.js";
import { startHarness, type Harness } from "../../helpers.js";

describe("aliases, tags and VPC peering", () => {
  let h: Harness;
  let gl: GameLiftClient;
  let fleet: { fleetId: string; fleetArn: string };
  beforeEach(async () => {
    h = await startHarness();
    gl = h.json;
    fleet = await activeFleet(h, gl, { processes: 2 });
  });
  afterEach(async () => {
    await h.emulator.close();
  });

  it("resolves a SIMPLE alias and routes game sessions and queue placements through it", async () => {
    const { Alias } = await gl.send(
      new CreateAliasCommand({ Name: "live", RoutingStrategy: { Type: "SIMPLE", FleetId: fleet.fleetId } }),
    );
    expect(Alias).toMatchObject({
      Name: "live",
      RoutingStrategy: { Type: "SIMPLE", FleetId: fleet.fleetId },
      CreationTime: expect.any(Date),
    });
    expect(Alias?.AliasArn).toBe(`arn:aws:gamelift:us-east-1:123456789012:alias/${Alias?.AliasId}`);
    expect(await gl.send(new ResolveAliasCommand({ AliasId: Alias?.AliasArn }))).toMatchObject({
      FleetId: fleet.fleetId,
      FleetArn: fleet.fleetArn,
    });
    const gs = await gl.send(new CreateGameSessionCommand({ AliasId: Alias?.AliasId, MaximumPlayerSessionCount: 2 }));
    expect(gs.GameSession?.FleetId).toBe(fleet.fleetId);
    await gl.send(
      new CreateGameSessionQueueCommand({ Name: "via-alias", Destinations: [{ DestinationArn: Alias?.AliasArn }] }),
    );
    await h.advance(100);
    await gl.send(new TagResourceCommand({ ResourceARN: Alias?.AliasArn, Tags: [{ Key: "k", Value: "v" }] }));
    await gl.send(
      new StartGameSessionPlacementCommand({
        PlacementId: "a",
        GameSessionQueueName: "via-alias",
        MaximumPlayerSessionCount: 2,
      }),
    );
    await h.advance(100);
    const p = await gl.send(new DescribeGameSessionPlacementCommand({ PlacementId: "a" }));
    expect(p.GameSessionPlacement?.Status).toBe("FULFILLED");
  });

  it("raises TerminalRoutingStrategyException with the alias message", async () => {
    const { Alias } = await gl.send(
      new CreateAliasCommand({ Name: "closed", RoutingStrategy: { Type: "TERMINAL", Message: "Season over" } }),
    );
    for (const send of [
      () => gl.send(new ResolveAliasCommand({ AliasId: Alias?.AliasId })),
      () => gl.send(new CreateGameSessionCommand({ AliasId: Alias?.AliasId, MaximumPlayerSessionCount: 2 })),
      () => gl.send(new SearchGameSessionsCommand({ AliasId: Alias?.AliasId })),
    ]) {
      await expect(send()).rejects.toMatchObject({ name: "TerminalRoutingStrategyException", message: "Season over" });
    }
  });

  it("describes, updates, lists and deletes aliases; names need not be unique", async () => {
    const a = (
      await gl.send(new CreateAliasCommand({ Name: "a", RoutingStrategy: { Type: "SIMPLE", FleetId: fleet.fleetId } }))
    ).Alias;
    await gl.send(new CreateAliasCommand({ Name: "b", RoutingStrategy: { Type: "TERMINAL", Message: "m" } }));
    // "Alias names do not need to be unique" (CreateAlias reference): a second "a" is another alias.
    const twin = (
      await gl.send(new CreateAliasCommand({ Name: "a", RoutingStrategy: { Type: "TERMINAL", Message: "twin" } }))
    ).Alias;
    expect(twin?.AliasId).not.toBe(a?.AliasId);
    expect((await gl.send(new ListAliasesCommand({ Name: "a" }))).Aliases?.map((x) => x.AliasId).sort()).toEqual(
      [a?.AliasId, twin?.AliasId].sort(),
    );
    await gl.send(new DeleteAliasCommand({ AliasId: twin?.AliasId }));
    h.clock.advance(1000);
    const up = await gl.send(
      new UpdateAliasCommand({
        AliasId: a?.AliasId,
        Description: "d",
        RoutingStrategy: { Type: "TERMINAL", Message: "bye" },
      }),
    );
    expect(up.Alias).toMatchObject({ Description: "d", RoutingStrategy: { Type: "TERMINAL", Message: "bye" } });
    expect(up.Alias?.LastUpdatedTime?.getTime()).toBe((a?.CreationTime?.getTime() ?? 0) + 1000);
    expect((await gl.send(new DescribeAliasCommand({ AliasId: a?.AliasId }))).Alias?.Description).toBe("d");
    expect(
      (await gl.send(new ListAliasesCommand({ RoutingStrategyType: "TERMINAL" }))).Aliases?.map((x) => x.Name),
    ).toEqual(["a", "b"]);
    expect((await gl.send(new ListAliasesCommand({ Name: "b" }))).Aliases?.map((x) => x.Name)).toEqual(["b"]);
    const first = await gl.send(new ListAliasesCommand({ Limit: 1 }));
    expect(first.Aliases).toHaveLength(1);
    expect((await gl.send(new ListAliasesCommand({ Limit: 1, NextToken: first.NextToken }))).Aliases?.[0]?.Name).toBe(
      "b",
    );
    await gl.send(new DeleteAliasCommand({ AliasId: a?.AliasId }));
    await expect(gl.send(new DescribeAliasCommand({ AliasId: a?.AliasId }))).rejects.toMatchObject({
      name: "NotFoundException",
    });
  });

  it("refuses a SIMPLE alias to an unknown fleet", async () => {
    await expect(
      gl.send(
        new CreateAliasCommand({
          Name: "x",
          RoutingStrategy: { Type: "SIMPLE", FleetId: "fleet-00000000-0000-0000-0000-000000000000" },
        }),
      ),
    ).rejects.toMatchObject({ name: "NotFoundException" });
  });

  it("tags, lists and untags a resource idempotently", async () => {
    const ResourceARN = fleet.fleetArn;
    await gl.send(
      new TagResourceCommand({
        ResourceARN,
        Tags: [
          { Key: "team", Value: "a" },
          { Key: "env", Value: "dev" },
        ],
      }),
    );
    await gl.send(new TagResourceCommand({ ResourceARN, Tags: [{ Key: "team", Value: "b" }] }));
    expect((await gl.send(new ListTagsForResourceCommand({ ResourceARN }))).Tags).toEqual([
      { Key: "team", Value: "b" },
      { Key: "env", Value: "dev" },
    ]);
    await gl.send(new UntagResourceCommand({ ResourceARN, TagKeys: ["team", "absent"] }));
    await gl.send(new UntagResourceCommand({ ResourceARN, TagKeys: ["team"] }));
    expect((await gl.send(new ListTagsForResourceCommand({ ResourceARN }))).Tags).toEqual([
      { Key: "env", Value: "dev" },
    ]);
  });

  it("tags matchmaking rule sets by ARN", async () => {
    const body = JSON.stringify({
      ruleLanguageVersion: "1.0",
      teams: [{ name: "solo", minPlayers: 1, maxPlayers: 1 }],
    });
    const out = await gl.send(new CreateMatchmakingRuleSetCommand({ Name: "solo", RuleSetBody: body }));
    const ResourceARN = out.RuleSet?.RuleSetArn ?? "";
    expect(ResourceARN).toBe("arn:aws:gamelift:us-east-1:123456789012:matchmakingruleset/solo");
    await gl.send(new TagResourceCommand({ ResourceARN, Tags: [{ Key: "k", Value: "v" }] }));
    expect((await gl.send(new ListTagsForResourceCommand({ ResourceARN }))).Tags).toEqual([{ Key: "k", Value: "v" }]);
  });

  it("refuses tags on unknown resources and beyond 200 per resource", async () => {
    const missing = "arn:aws:gamelift:us-east-1:123456789012:build/build-missing";
    await expect(gl.send(new ListTagsForResourceCommand({ ResourceARN: missing }))).rejects.toMatchObject({
      name: "NotFoundException",
    });
    await expect(
      gl.send(new TagResourceCommand({ ResourceARN: missing, Tags: [{ Key: "k", Value: "v" }] })),
    ).rejects.toMatchObject({
      name: "NotFoundException",
    });
    const many = Array.from({ length: 150 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    const more = Array.from({ length: 60 }, (_, i) => ({ Key: `m${i}`, Value: "v" }));
    await gl.send(new TagResourceCommand({ ResourceARN: fleet.fleetArn, Tags: many }));
    await expect(gl.send(new TagResourceCommand({ ResourceARN: fleet.fleetArn, Tags: more }))).rejects.toMatchObject({
      name: "TaggingFailedException",
    });
  });

  it("has no VPC peering connections", async () => {
    expect(
      (await gl.send(new DescribeVpcPeeringConnectionsCommand({ FleetId: fleet.fleetId }))).VpcPeeringConnections,
    ).toEqual([]);
  });
});
