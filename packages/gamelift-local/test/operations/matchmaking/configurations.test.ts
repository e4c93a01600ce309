import { describe, expect, it } from "vitest";
import { duelRuleSet, Harness } from "../../engines/matchmaking/harness.js";

const queue = "arn:aws:gamelift:us-east-1:123456789012:gamesessionqueue/arena";

describe("matchmaking rule sets", () => {
  it("creates a rule set and describes it by name or ARN", async () => {
    const h = new Harness();

    const out = await h.call("CreateMatchmakingRuleSet", { Name: "duel.v1", RuleSetBody: duelRuleSet });

    const ruleSet = {
      RuleSetName: "duel.v1",
      RuleSetArn: "arn:aws:gamelift:us-east-1:123456789012:matchmakingruleset/duel.v1",
      RuleSetBody: duelRuleSet,
      CreationTime: new Date("2026-01-01T00:00:00.000Z"),
    };
    expect(out).toEqual({ RuleSet: ruleSet });
    expect(await h.call("DescribeMatchmakingRuleSets", { Names: [ruleSet.RuleSetArn] })).toEqual({
      RuleSets: [ruleSet],
    });
    expect(await h.call("DescribeMatchmakingRuleSets", {})).toEqual({ RuleSets: [ruleSet] });
  });

  it.each([
    ["an invalid JSON body", "{not json"],
    ["no teams", JSON.stringify({ ruleLanguageVersion: "1.0", teams: [] })],
    [
      "a wrong language version",
      JSON.stringify({ ruleLanguageVersion: "2.0", teams: [{ name: "a", minPlayers: 1, maxPlayers: 1 }] }),
    ],
  ])("rejects %s on Create and Validate", async (_case, body) => {
    const h = new Harness();

    await expect(h.call("CreateMatchmakingRuleSet", { Name: "bad", RuleSetBody: body })).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
    await expect(h.call("ValidateMatchmakingRuleSet", { RuleSetBody: body })).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
  });

  it("answers Valid true for a valid body", async () => {
    const h = new Harness();

    expect(await h.call("ValidateMatchmakingRuleSet", { RuleSetBody: duelRuleSet })).toEqual({ Valid: true });
  });

  it("refuses a duplicate name, an unknown name on Describe and Delete, and a rule set in use", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);

    await expect(h.call("CreateMatchmakingRuleSet", { Name: "rules", RuleSetBody: duelRuleSet })).rejects.toMatchObject(
      {
        name: "InvalidRequestException",
      },
    );
    await expect(h.call("DescribeMatchmakingRuleSets", { Names: ["ghost"] })).rejects.toMatchObject({
      name: "NotFoundException",
    });
    await expect(h.call("DeleteMatchmakingRuleSet", { Name: "ghost" })).rejects.toMatchObject({
      name: "NotFoundException",
    });
    await expect(h.call("DeleteMatchmakingRuleSet", { Name: "rules" })).rejects.toMatchObject({
      name: "InvalidRequestException",
    });

    await h.call("DeleteMatchmakingConfiguration", { Name: "cfg" });
    expect(await h.call("DeleteMatchmakingRuleSet", { Name: "rules" })).toEqual({});
    expect(await h.call("DescribeMatchmakingRuleSets", {})).toEqual({ RuleSets: [] });
  });
});

describe("matchmaking configurations", () => {
  it("creates a WITH_QUEUE configuration with defaults and every given member", async () => {
    const h = new Harness();
    await h.call("CreateMatchmakingRuleSet", { Name: "rules", RuleSetBody: duelRuleSet });

    const out = await h.call("CreateMatchmakingConfiguration", {
      Name: "arena",
      RuleSetName: "arn:aws:gamelift:us-east-1:123456789012:matchmakingruleset/rules",
      RequestTimeoutSeconds: 120,
      AcceptanceRequired: true,
      AcceptanceTimeoutSeconds: 30,
      GameSessionQueueArns: [queue],
      NotificationTarget: "arn:aws:sns:us-east-1:123456789012:events",
      CustomEventData: "ce",
      GameSessionData: "gsd",
      Description: "the arena",
    });

    expect(out.Configuration).toEqual({
      Name: "arena",
      ConfigurationArn: "arn:aws:gamelift:us-east-1:123456789012:matchmakingconfiguration/arena",
      Description: "the arena",
      GameSessionQueueArns: [queue],
      RequestTimeoutSeconds: 120,
      AcceptanceRequired: true,
      AcceptanceTimeoutSeconds: 30,
      RuleSetName: "rules",
      RuleSetArn: "arn:aws:gamelift:us-east-1:123456789012:matchmakingruleset/rules",
      NotificationTarget: "arn:aws:sns:us-east-1:123456789012:events",
      AdditionalPlayerCount: 0,
      CustomEventData: "ce",
      GameSessionData: "gsd",
      GameProperties: [],
      BackfillMode: "MANUAL",
      FlexMatchMode: "WITH_QUEUE",
      CreationTime: new Date("2026-01-01T00:00:00.000Z"),
    });
  });

  it.each([
    ["WITH_QUEUE without queues", { FlexMatchMode: "WITH_QUEUE" }],
    ["STANDALONE with queues", { FlexMatchMode: "STANDALONE", GameSessionQueueArns: [queue] }],
    ["STANDALONE with AUTOMATIC backfill", { FlexMatchMode: "STANDALONE", BackfillMode: "AUTOMATIC" }],
    ["a request timeout over 43200 s", { FlexMatchMode: "STANDALONE", RequestTimeoutSeconds: 43201 }],
    ["an acceptance timeout over 600 s", { FlexMatchMode: "STANDALONE", AcceptanceTimeoutSeconds: 601 }],
  ])("rejects %s", async (_case, members) => {
    const h = new Harness();
    await h.call("CreateMatchmakingRuleSet", { Name: "rules", RuleSetBody: duelRuleSet });

    await expect(
      h.call("CreateMatchmakingConfiguration", {
        Name: "arena",
        RuleSetName: "rules",
        RequestTimeoutSeconds: 60,
        AcceptanceRequired: false,
        ...members,
      }),
    ).rejects.toMatchObject({ name: "InvalidRequestException" });
  });

  it("rejects a configuration naming an unknown rule set", async () => {
    const h = new Harness();

    await expect(
      h.call("CreateMatchmakingConfiguration", {
        Name: "arena",
        RuleSetName: "ghost",
        RequestTimeoutSeconds: 60,
        AcceptanceRequired: false,
        FlexMatchMode: "STANDALONE",
      }),
    ).rejects.toMatchObject({ name: "NotFoundException" });
  });

  it("describes by Names (unknown ones omitted), by RuleSetName, and pages by Limit", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);
    await h.call("CreateMatchmakingRuleSet", { Name: "other", RuleSetBody: duelRuleSet });
    const base = { RequestTimeoutSeconds: 60, AcceptanceRequired: false, FlexMatchMode: "STANDALONE" };
    await h.call("CreateMatchmakingConfiguration", { Name: "cfg2", RuleSetName: "other", ...base });

    const names = (out: Record<string, unknown>): string[] =>
      (out.Configurations as { Name: string }[]).map((c) => c.Name);
    expect(names(await h.call("DescribeMatchmakingConfigurations", { Names: ["cfg2", "ghost"] }))).toEqual(["cfg2"]);
    expect(names(await h.call("DescribeMatchmakingConfigurations", { RuleSetName: "other" }))).toEqual(["cfg2"]);
    const first = await h.call("DescribeMatchmakingConfigurations", { Limit: 1 });
    expect(names(first)).toEqual(["cfg"]);
    const second = await h.call("DescribeMatchmakingConfigurations", { Limit: 1, NextToken: first.NextToken });
    expect(names(second)).toEqual(["cfg2"]);
    expect(second.NextToken).toBeUndefined();
  });

  it("updates only the given members and keeps the rest", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet, { CustomEventData: "before" });

    const out = await h.call("UpdateMatchmakingConfiguration", {
      Name: "cfg",
      RequestTimeoutSeconds: 300,
      CustomEventData: "after",
    });

    expect(out.Configuration).toMatchObject({
      Name: "cfg",
      RequestTimeoutSeconds: 300,
      CustomEventData: "after",
      RuleSetName: "rules",
    });
    await expect(
      h.call("UpdateMatchmakingConfiguration", { Name: "ghost", RequestTimeoutSeconds: 1 }),
    ).rejects.toMatchObject({
      name: "NotFoundException",
    });
    await expect(
      h.call("UpdateMatchmakingConfiguration", { Name: "cfg", GameSessionQueueArns: [queue] }),
    ).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
  });

  it("refuses to delete a configuration with active tickets", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet);
    await h.start("t1", "p1");

    await expect(h.call("DeleteMatchmakingConfiguration", { Name: "cfg" })).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
    await h.call("StopMatchmaking", { TicketId: "t1" });
    expect(await h.call("DeleteMatchmakingConfiguration", { Name: "cfg" })).toEqual({});
    expect(await h.call("DescribeMatchmakingConfigurations", {})).toEqual({ Configurations: [] });
  });
});
