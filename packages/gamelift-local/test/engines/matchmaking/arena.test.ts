import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Harness } from "./harness.js";

const arenaRuleSet = readFileSync(
  new URL("../../../../../infra/gamelift/rulesets/arena-2v2.json", import.meta.url),
  "utf8",
);

async function startWithSkill(h: Harness, ticketId: string, playerId: string, skill: number): Promise<void> {
  await h.call("StartMatchmaking", {
    TicketId: ticketId,
    ConfigurationName: "cfg",
    Players: [{ PlayerId: playerId, PlayerAttributes: { skill: { N: skill } } }],
  });
}

describe("the arena-2v2 seed rule set in the matchmaking loop", () => {
  it("matches four players of similar skill at once", async () => {
    const h = new Harness();
    await h.setUp(arenaRuleSet);
    for (const [i, skill] of [1000, 1050, 1100, 980].entries()) await startWithSkill(h, `t${i}`, `p${i}`, skill);

    await h.tick();

    const statuses = await Promise.all(["t0", "t1", "t2", "t3"].map(async (t) => (await h.ticket(t)).Status));
    expect(statuses).toEqual(["COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"]);
  });

  it("matches an outlier only once the skill window has expanded", async () => {
    const h = new Harness();
    await h.setUp(arenaRuleSet, { RequestTimeoutSeconds: 120 });
    for (const [i, skill] of [1000, 1000, 1000, 1900].entries()) await startWithSkill(h, `t${i}`, `p${i}`, skill);

    // Team averages 1000 and 1450 sit 225 from the match average 1225: too far for maxDistance 100,
    // fine for the 300 the rule set expands to at 10 s.
    for (let s = 0; s < 9; s++) await h.tick(1000);
    expect((await h.ticket("t3")).Status).toBe("SEARCHING");

    await h.tick(1000);

    expect((await h.ticket("t3")).Status).toBe("COMPLETED");
  });
});
