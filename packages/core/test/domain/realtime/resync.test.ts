/** `resyncState` over the real repositories on DynamoDB Local: what a reconnecting client is told. */
import { beforeAll, describe, expect, it } from "vitest";
import {
  PartyRepository,
  PlacementRepository,
  PlayerRepository,
  TicketRepository,
} from "../../../src/adapters/dynamo/index.js";
import { UnavailableError } from "../../../src/errors.js";
import { resyncState, type ResyncDeps } from "../../../src/domain/realtime/resync.js";
import { createTestTable } from "../../adapters/dynamo/tableFixture.js";

let deps: ResyncDeps & {
  players: PlayerRepository;
  tickets: TicketRepository;
  placements: PlacementRepository;
  parties: PartyRepository;
};

beforeAll(async () => {
  const table = await createTestTable("resync");
  const options = { client: table.doc, tableName: table.tableName };
  deps = {
    players: new PlayerRepository(options),
    tickets: new TicketRepository(options),
    placements: new PlacementRepository(options),
    parties: new PartyRepository(options),
  };
});

describe("resyncState", () => {
  it("answers null for every part of a player it has never seen", async () => {
    expect(await resyncState(deps, "stranger", 0)).toEqual({ ticket: null, placement: null, party: null });
  });

  it("reports the player's current ticket, latest placement and party as the REST routes would", async () => {
    await deps.tickets.create({
      ticketId: "t1",
      configurationName: "arena",
      playerIds: ["p1", "p2"],
      players: { p1: {}, p2: {} },
      createdAt: 1_000,
    });
    await deps.players.claimActiveTicket("t1", [{ playerId: "p1" }], 1_000);
    await deps.placements.create({
      placementId: "plc-1",
      queueName: "arena-queue",
      playerIds: ["p1"],
      players: { p1: {} },
      createdAt: 2_000,
    });
    await deps.players.recordPlacement("plc-1", ["p1"], 2_000);
    await deps.parties.create({
      partyId: "party-1",
      leaderId: "p1",
      memberIds: ["p1"],
      code: "ABCDEFGH",
      version: 1,
      createdAt: 3_000,
      updatedAt: 3_000,
    });

    const state = await resyncState(deps, "p1", 3_000);

    expect(state.ticket).toMatchObject({ ticketId: "t1", status: "QUEUED" });
    expect(state.ticket?.["retryAfterMs"]).toBeGreaterThan(0);
    expect(state.placement).toMatchObject({ placementId: "plc-1", status: "PENDING", queue: "arena-queue" });
    expect(state.placement?.["retryAfterMs"]).toBeGreaterThan(0);
    expect(state.party).toMatchObject({ partyId: "party-1", leaderId: "p1", memberIds: ["p1"], code: "ABCDEFGH" });
  });

  it("never reports a ticket or placement the player is not on", async () => {
    await deps.tickets.create({
      ticketId: "t-other",
      configurationName: "arena",
      playerIds: ["p4"],
      players: { p4: {} },
      createdAt: 1,
    });
    await deps.placements.create({
      placementId: "plc-other",
      queueName: "q",
      playerIds: ["p4"],
      players: { p4: {} },
      createdAt: 1,
    });
    await deps.players.claimActiveTicket("t-other", [{ playerId: "p3" }], 1);
    await deps.players.recordPlacement("plc-other", ["p3"], 1);

    expect(await resyncState(deps, "p3", 2)).toEqual({ ticket: null, placement: null, party: null });
  });

  it("fails when a read fails for another reason than a missing ticket", async () => {
    await deps.players.claimActiveTicket("t-any", [{ playerId: "p5" }], 1);
    const down = new UnavailableError("DynamoDB is unavailable");

    await expect(
      resyncState(
        {
          ...deps,
          tickets: {
            get: () => Promise.reject(down),
          },
        },
        "p5",
        2,
      ),
    ).rejects.toBe(down);
  });
});
