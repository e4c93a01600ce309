import { describe, expect, it } from "vitest";
import { duelRuleSet, Harness } from "./harness.js";

async function proposed(): Promise<Harness> {
  const h = new Harness();
  await h.setUp(duelRuleSet, { AcceptanceRequired: true, AcceptanceTimeoutSeconds: 20 });
  await h.start("t1", "p1");
  await h.start("t2", "p2");
  await h.tick();
  return h;
}

describe("match acceptance", () => {
  it("holds a proposal in REQUIRES_ACCEPTANCE with acceptanceTimeout in PotentialMatchCreated", async () => {
    const h = await proposed();

    expect((await h.ticket("t1")).Status).toBe("REQUIRES_ACCEPTANCE");
    expect(h.events("PotentialMatchCreated")[0]).toMatchObject({ acceptanceRequired: true, acceptanceTimeout: 20 });
  });

  it("completes once every player accepts, with AcceptMatch and AcceptMatchCompleted Accepted", async () => {
    const h = await proposed();

    await h.call("AcceptMatch", { TicketId: "t1", PlayerIds: ["p1"], AcceptanceType: "ACCEPT" });
    await h.tick();
    expect((await h.ticket("t1")).Status).toBe("REQUIRES_ACCEPTANCE");
    await h.call("AcceptMatch", { TicketId: "t2", PlayerIds: ["p2"], AcceptanceType: "ACCEPT" });
    await h.tick();

    expect((await h.ticket("t1")).Status).toBe("COMPLETED");
    expect((await h.ticket("t2")).Status).toBe("COMPLETED");
    const accepts = h.events("AcceptMatch");
    expect(accepts).toHaveLength(2);
    const players = (i: number) => accepts[i]?.tickets.flatMap((t) => t.players) ?? [];
    expect(players(0)).toEqual(expect.arrayContaining([expect.objectContaining({ playerId: "p1", accepted: true })]));
    expect(players(0).find((p) => p.playerId === "p2")).not.toHaveProperty("accepted");
    expect(players(1).every((p) => p.accepted === true)).toBe(true);
    expect(h.events("AcceptMatchCompleted")[0]).toMatchObject({ acceptance: "Accepted", matchId: accepts[0]?.matchId });
    expect(h.eventTypes().slice(-2)).toEqual(["AcceptMatchCompleted", "MatchmakingSucceeded"]);
  });

  it("cancels the rejecting ticket and sends the fully accepted one back to SEARCHING", async () => {
    const h = await proposed();

    await h.call("AcceptMatch", { TicketId: "t1", PlayerIds: ["p1"], AcceptanceType: "ACCEPT" });
    await h.call("AcceptMatch", { TicketId: "t2", PlayerIds: ["p2"], AcceptanceType: "REJECT" });
    await h.tick();

    expect((await h.ticket("t1")).Status).toBe("SEARCHING");
    expect((await h.ticket("t2")).Status).toBe("CANCELLED");
    expect(h.events("AcceptMatchCompleted")[0]).toMatchObject({ acceptance: "Rejected" });
    expect(h.events("MatchmakingCancelled").map((d) => d.tickets[0]?.ticketId)).toEqual(["t2"]);
    expect(h.events("MatchmakingSearching").at(-1)?.tickets[0]?.ticketId).toBe("t1");
    expect((await h.ticket("t1")).Players).toEqual([{ PlayerId: "p1" }]);
  });

  it("cancels silent tickets when the acceptance times out and requeues those that accepted", async () => {
    const h = await proposed();
    await h.call("AcceptMatch", { TicketId: "t1", PlayerIds: ["p1"], AcceptanceType: "ACCEPT" });

    await h.tick(19_999);
    expect((await h.ticket("t2")).Status).toBe("REQUIRES_ACCEPTANCE");
    await h.tick(1);

    expect((await h.ticket("t1")).Status).toBe("SEARCHING");
    expect((await h.ticket("t2")).Status).toBe("CANCELLED");
    expect(h.events("AcceptMatchCompleted")[0]).toMatchObject({ acceptance: "TimedOut" });
  });

  it("rematches a requeued ticket with a newcomer", async () => {
    const h = await proposed();
    await h.call("AcceptMatch", { TicketId: "t1", PlayerIds: ["p1"], AcceptanceType: "ACCEPT" });
    await h.call("AcceptMatch", { TicketId: "t2", PlayerIds: ["p2"], AcceptanceType: "REJECT" });
    await h.tick();

    await h.start("t3", "p3");
    await h.tick();

    expect((await h.ticket("t1")).Status).toBe("REQUIRES_ACCEPTANCE");
    expect(h.events("PotentialMatchCreated")).toHaveLength(2);
  });

  it("refuses AcceptMatch unless the ticket requires acceptance", async () => {
    const h = new Harness();
    await h.setUp(duelRuleSet, { AcceptanceRequired: true, AcceptanceTimeoutSeconds: 20 });
    await h.start("t1", "p1");
    await h.tick();

    await expect(
      h.call("AcceptMatch", { TicketId: "t1", PlayerIds: ["p1"], AcceptanceType: "ACCEPT" }),
    ).rejects.toMatchObject({ name: "InvalidRequestException" });
  });

  it("refuses AcceptMatch for a player who is not on the ticket", async () => {
    const h = await proposed();

    await expect(
      h.call("AcceptMatch", { TicketId: "t1", PlayerIds: ["p2"], AcceptanceType: "ACCEPT" }),
    ).rejects.toMatchObject({ name: "InvalidRequestException" });
  });

  it("sends the other tickets back to SEARCHING when a proposed ticket is stopped", async () => {
    const h = await proposed();

    await h.call("StopMatchmaking", { TicketId: "t2" });

    expect((await h.ticket("t2")).Status).toBe("CANCELLED");
    expect((await h.ticket("t1")).Status).toBe("SEARCHING");
  });

  it("drops an accepted match whose ticket is stopped while AcceptMatchCompleted is being published", async () => {
    const h = await proposed();
    await h.call("AcceptMatch", { TicketId: "t1", PlayerIds: ["p1"], AcceptanceType: "ACCEPT" });
    await h.call("AcceptMatch", { TicketId: "t2", PlayerIds: ["p2"], AcceptanceType: "ACCEPT" });
    h.onEvent = async (event) => {
      if (event.detail.type !== "AcceptMatchCompleted") return;
      await h.call("StopMatchmaking", { TicketId: "t2" });
      await expect(
        h.call("AcceptMatch", { TicketId: "t1", PlayerIds: ["p1"], AcceptanceType: "REJECT" }),
      ).rejects.toMatchObject({
        name: "InvalidRequestException",
      });
    };

    await h.tick();

    expect((await h.ticket("t2")).Status).toBe("CANCELLED");
    expect((await h.ticket("t1")).Status).toBe("SEARCHING");
    expect(h.events("MatchmakingSucceeded")).toEqual([]);
    expect(h.events("MatchmakingSearching").filter((d) => d.tickets[0]?.ticketId === "t1")).toHaveLength(2);
  });
});
