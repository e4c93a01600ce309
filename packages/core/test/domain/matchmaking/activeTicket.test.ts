import { describe, expect, it } from "vitest";
import {
  catalogDocument,
  createCatalog,
  ORPHAN_LOCK_MS,
  startMatchmaking,
  type StartMatchmakingDeps,
} from "../../../src/domain/matchmaking/index.js";
import { ConflictError, UnavailableError } from "../../../src/errors.js";
import { newPlayer, type Player } from "../../../src/domain/player/types.js";
import type { NewTicket, Ticket } from "../../../src/domain/ticket/types.js";
import { arenaFiles } from "./catalogFixture.js";

/** In-memory players with the repository's conditional semantics, tickets, and a scripted GameLift. */
function fakes(options: { failStart?: boolean } = {}) {
  const players = new Map<string, Player>();
  const tickets = new Map<string, Ticket>();
  let now = 100_000;
  let id = 0;
  const started: string[] = [];
  const deps: StartMatchmakingDeps = {
    players: {
      getOrCreate: async (p) => players.get(p) ?? newPlayer(p, now),
      claimActiveTicket: async (ticketId, claims) => {
        for (const c of claims)
          if (players.get(c.playerId)?.activeTicketId !== c.expected)
            throw new ConflictError("ACTIVE_TICKET_EXISTS", "x");
        for (const c of claims)
          players.set(c.playerId, {
            ...(players.get(c.playerId) ?? newPlayer(c.playerId, now)),
            activeTicketId: ticketId,
            activeTicketAt: now,
          });
      },
      releaseActiveTicket: async (ticketId, ids) => {
        for (const p of ids) {
          const cur = players.get(p);
          if (cur?.activeTicketId === ticketId) players.set(p, { ...cur, activeTicketId: undefined as never });
        }
      },
    },
    parties: { get: async () => undefined },
    tickets: {
      create: async (t: NewTicket) => {
        const stored: Ticket = {
          ...t,
          status: "QUEUED",
          updatedAt: t.createdAt,
          heardAt: t.createdAt,
          eventIds: [],
          version: 1,
        };
        tickets.set(t.ticketId, stored);
        return stored;
      },
      get: async (t) => tickets.get(t),
    },
    gamelift: {
      startMatchmaking: async (input) => {
        if (options.failStart) throw new UnavailableError("down");
        started.push(input.ticketId);
        return { status: "QUEUED" };
      },
    },
    clock: { now: () => now },
    newTicketId: () => `t-${++id}`,
  };
  return { deps, players, tickets, started, advance: (ms: number) => (now += ms) };
}

const input = {
  playerId: "p",
  profile: createCatalog(catalogDocument(arenaFiles)).defaultConfiguration,
  configurationName: "arena",
};

describe("the active ticket lock", () => {
  it("is taken over once the active ticket has ended", async () => {
    const f = fakes();
    await startMatchmaking(f.deps, input);
    f.tickets.set("t-1", { ...(f.tickets.get("t-1") as Ticket), status: "TIMED_OUT" });

    const second = await startMatchmaking(f.deps, input);

    expect(second.ticket.ticketId).toBe("t-2");
    expect(f.players.get("p")?.activeTicketId).toBe("t-2");
  });

  it("blocks while the ticket is active", async () => {
    const f = fakes();
    await startMatchmaking(f.deps, input);
    await expect(startMatchmaking(f.deps, input)).rejects.toMatchObject({
      code: "ACTIVE_TICKET_EXISTS",
      details: { ticketId: "t-1" },
    });
  });

  it("treats a lock whose ticket was never stored as orphaned only after ORPHAN_LOCK_MS", async () => {
    const f = fakes();
    f.players.set("p", { ...newPlayer("p", 0), activeTicketId: "ghost", activeTicketAt: 100_000 });
    await expect(startMatchmaking(f.deps, input)).rejects.toBeInstanceOf(ConflictError);

    f.advance(ORPHAN_LOCK_MS + 1);

    expect((await startMatchmaking(f.deps, input)).ticket.ticketId).toBe("t-1");
  });

  it("is released when GameLift refuses the start, so the player can retry", async () => {
    const f = fakes({ failStart: true });
    await expect(startMatchmaking(f.deps, input)).rejects.toBeInstanceOf(UnavailableError);
    expect(f.players.get("p")?.activeTicketId).toBeUndefined();
  });
});
