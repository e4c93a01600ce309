/**
 * The polled reads against a store that behaves as DynamoDB documents eventually consistent reads:
 * an eventual read may return the state from before a recent write (DynamoDB Local is always
 * consistent, so the lag is modelled here by an in-memory replica that is synced by hand).
 */
import { describe, expect, it } from "vitest";
import { newPlayer, type Player } from "../../src/domain/player/types.js";
import {
  pollCurrentTicket,
  pollParty,
  pollPlacement,
  pollProfile,
  pollTicket,
  type ConsistentGet,
  type ReadConsistency,
} from "../../src/domain/reads.js";
import type { Party } from "../../src/domain/party/types.js";
import type { Placement } from "../../src/domain/placement/types.js";
import type { Ticket } from "../../src/domain/ticket/types.js";
import { NotFoundError } from "../../src/errors.js";

/** A store with a primary (writes, strong reads) and a replica that lags until `sync()`. */
class LaggingStore<T> implements ConsistentGet<T> {
  readonly primary = new Map<string, T>();
  readonly replica = new Map<string, T>();
  readonly reads: ReadConsistency[] = [];
  public async get(id: string, consistency: ReadConsistency = "strong"): Promise<T | undefined> {
    this.reads.push(consistency);
    return (consistency === "strong" ? this.primary : this.replica).get(id);
  }
  public put(id: string, value: T): void {
    this.primary.set(id, value);
  }
  public sync(): void {
    for (const [k, v] of this.primary) this.replica.set(k, v);
  }
}

const ticket = (ticketId: string, playerIds: string[]): Ticket =>
  ({
    ticketId,
    configurationName: "c",
    status: "QUEUED",
    playerIds,
    players: {},
    createdAt: 1,
    updatedAt: 1,
    heardAt: 1,
    eventIds: [],
    version: 1,
  }) as Ticket;
const player = (playerId: string, extra: Partial<Player> = {}): Player => ({ ...newPlayer(playerId, 1), ...extra });

function stores() {
  return {
    players: new LaggingStore<Player>(),
    tickets: new LaggingStore<Ticket>(),
    parties: new LaggingStore<Party>(),
    placements: new LaggingStore<Placement>(),
  };
}

describe("pollTicket", () => {
  it("is one eventually consistent read once the write has replicated", async () => {
    const s = stores();
    s.tickets.put("t1", ticket("t1", ["p1"]));
    s.players.put("p1", player("p1", { activeTicketId: "t1" }));
    s.tickets.sync();
    s.players.sync();

    await expect(pollTicket(s, "t1", "p1")).resolves.toMatchObject({ ticketId: "t1" });
    expect(s.tickets.reads).toEqual(["eventual"]);
    expect(s.players.reads).toEqual([]);
  });

  it("finds a ticket the caller just started (not yet replicated) with one strongly consistent retry", async () => {
    const s = stores();
    s.tickets.put("t1", ticket("t1", ["p1"]));
    s.players.put("p1", player("p1", { activeTicketId: "t1" }));

    await expect(pollTicket(s, "t1", "p1")).resolves.toMatchObject({ ticketId: "t1" });
    expect(s.tickets.reads).toEqual(["eventual", "strong"]);
    expect(s.players.reads).toEqual(["strong"]);
  });

  it("does not retry a ticket the caller's record does not name, and answers 404", async () => {
    const s = stores();
    s.tickets.put("t2", ticket("t2", ["p2"]));
    s.players.put("p1", player("p1", { activeTicketId: "t1" }));

    await expect(pollTicket(s, "t2", "p1")).rejects.toBeInstanceOf(NotFoundError);
    expect(s.tickets.reads).toEqual(["eventual"]);
  });

  it("never shows a ticket the caller is not on, even after the retry", async () => {
    const s = stores();
    s.tickets.put("t1", ticket("t1", ["p2"]));
    s.players.put("p1", player("p1", { activeTicketId: "t1" }));
    await expect(pollTicket(s, "t1", "p1")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("pollCurrentTicket", () => {
  it("reads the profile and the ticket eventually consistent", async () => {
    const s = stores();
    s.tickets.put("t1", ticket("t1", ["p1"]));
    s.players.put("p1", player("p1", { activeTicketId: "t1" }));
    s.tickets.sync();
    s.players.sync();
    await expect(pollCurrentTicket(s, "p1")).resolves.toMatchObject({ ticketId: "t1" });
    expect([...s.players.reads, ...s.tickets.reads]).toEqual(["eventual", "eventual"]);
  });

  it("retries the ticket strongly when the replicated profile names one the replica lacks", async () => {
    const s = stores();
    s.players.put("p1", player("p1", { activeTicketId: "t1" }));
    s.players.sync();
    s.tickets.put("t1", ticket("t1", ["p1"]));
    await expect(pollCurrentTicket(s, "p1")).resolves.toMatchObject({ ticketId: "t1" });
    expect(s.tickets.reads).toEqual(["eventual", "strong"]);
  });

  it("answers 404 when the profile names no ticket", async () => {
    const s = stores();
    await expect(pollCurrentTicket(s, "p1")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("pollParty and pollPlacement", () => {
  it("sees a party the caller just joined (the replica still lists the old members)", async () => {
    const s = stores();
    const before: Party = {
      partyId: "q1",
      leaderId: "p2",
      memberIds: ["p2"],
      code: "ABCDEF",
      version: 1,
      createdAt: 1,
      updatedAt: 1,
    };
    s.parties.put("q1", before);
    s.parties.sync();
    s.parties.put("q1", { ...before, memberIds: ["p2", "p1"], version: 2 });
    s.players.put("p1", player("p1", { partyId: "q1" }));

    await expect(pollParty(s, "q1", "p1")).resolves.toMatchObject({ memberIds: ["p2", "p1"] });
    expect(s.parties.reads).toEqual(["eventual", "strong"]);
  });

  it("sees a placement the caller just started through its live slot", async () => {
    const s = stores();
    s.placements.put("pl1", { placementId: "pl1", playerIds: ["p1"] } as unknown as Placement);
    s.players.put("p1", player("p1", { activePlacements: ["pl1@5"] }));
    await expect(pollPlacement(s, "pl1", "p1")).resolves.toMatchObject({ placementId: "pl1" });
    await expect(pollPlacement(s, "pl2", "p1")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("pollProfile", () => {
  it("reads once eventually, and strongly only when the replica has no profile", async () => {
    const s = stores();
    s.players.put("p1", player("p1", { skill: 1234 }));
    await expect(pollProfile(s, "p1")).resolves.toMatchObject({ skill: 1234 });
    expect(s.players.reads).toEqual(["eventual", "strong"]);
    s.players.sync();
    s.players.reads.length = 0;
    await expect(pollProfile(s, "p1")).resolves.toMatchObject({ skill: 1234 });
    expect(s.players.reads).toEqual(["eventual"]);
    await expect(pollProfile(s, "never-seen")).resolves.toBeUndefined();
  });
});
