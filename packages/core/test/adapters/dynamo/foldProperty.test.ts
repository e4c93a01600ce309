import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeEnvelope } from "../../../src/domain/events/decode.js";
import type { ReconcileObserver } from "../../../src/domain/events/ports.js";
import { reconcile } from "../../../src/domain/events/reconcile.js";
import { foldTicket } from "../../../src/domain/ticket/fold.js";
import { isTerminalTicketStatus } from "../../../src/domain/ticket/status.js";
import type { ObservedTicket } from "../../../src/domain/ticket/observe.js";
import type { ObservedPlacement } from "../../../src/domain/placement/observe.js";
import { foldPlacement } from "../../../src/domain/placement/fold.js";
import type { Placement, PlacementStatus } from "../../../src/domain/placement/types.js";
import { GS_ARN, placementEnvelope } from "../../domain/events/fixtures.js";
import type { Ticket } from "../../../src/domain/ticket/types.js";
import { ItemExistsError, PlacementRepository, TicketRepository } from "../../../src/adapters/dynamo/index.js";
import { buildLifecycle, deliveryArb, lifecycleShapeArb, type Lifecycle } from "./lifecycle.js";
import { createTestTable } from "./tableFixture.js";

let tickets: TicketRepository;
let placements: PlacementRepository;

beforeAll(async () => {
  const table = await createTestTable("fold-property");
  tickets = new TicketRepository({ client: table.doc, tableName: table.tableName });
  placements = new PlacementRepository({ client: table.doc, tableName: table.tableName });
});

/** GameLift's read side as the truth of every lifecycle generated so far. */
class TruthGameLift implements ReconcileObserver {
  public readonly truths = new Map<string, ObservedTicket>();
  public async describeTickets(ids: readonly string[]): Promise<ObservedTicket[]> {
    return ids.flatMap((id) => this.truths.get(id) ?? []);
  }
  public readonly placements = new Map<string, ObservedPlacement>();
  public async describePlacement(id: string): Promise<ObservedPlacement | undefined> {
    return this.placements.get(id);
  }
  public async requestTimeoutSeconds(): Promise<number> {
    return 43_200;
  }
}

const comparable = (t: Ticket | undefined): Partial<Ticket> | undefined =>
  t && {
    status: t.status,
    players: t.players,
    playerIds: t.playerIds,
    matchId: t.matchId,
    connection: t.connection,
    eventIds: t.eventIds,
    eventAt: t.eventAt,
    reason: t.reason,
    createdAt: t.createdAt,
    heardAt: t.heardAt,
    estimatedWaitSeconds: t.estimatedWaitSeconds,
  };

let counter = 0;
let runClock = 50_000_000;
const gamelift = new TruthGameLift();

async function check(life: Lifecycle, delivery: readonly number[], createAt: number | null): Promise<void> {
  const id = life.ticketId;
  gamelift.truths.set(id, life.truth);
  let pure: Ticket | undefined;
  let firstTerminal: Ticket | undefined;
  const create = async (): Promise<void> => {
    try {
      pure = await tickets.create({
        ticketId: id,
        configurationName: "arena.ranked",
        playerIds: [`${id}-a`, `${id}-b`],
        players: {},
        createdAt: 100_000,
      });
    } catch (err) {
      if (!(err instanceof ItemExistsError)) throw err; // an event came first: the API sees a conflict
    }
  };
  for (let k = 0; k < delivery.length; k += 1) {
    if (createAt === k) await create();
    const decoded = decodeEnvelope(life.steps[delivery[k] ?? 0]?.envelope);
    if (decoded.kind !== "ticket") throw new Error(`fixture did not decode: ${decoded.kind}`);
    for (const event of decoded.events) {
      const now = 200_000 + k;
      const applied = await tickets.apply(event, now);
      const next = foldTicket(pure, event, now);
      expect(applied).toBe(next !== undefined);
      pure = next ?? pure;
    }
    const stored = await tickets.get(id);
    // The DynamoDB ConditionExpression and the pure guard agree, step by step.
    expect(comparable(stored)).toEqual(comparable(pure));
    if (firstTerminal) expect(stored).toEqual(firstTerminal);
    else if (stored && isTerminalTicketStatus(stored.status)) firstTerminal = stored;
  }
  if (createAt !== null && createAt >= delivery.length) await create();

  runClock += 100_000;
  await reconcile(
    { tickets, placements, gamelift, clock: { now: () => runClock }, sleep: async () => undefined, random: () => 0 },
    { ticketCallsPerSecond: 1_000, placementCallsPerSecond: 1_000 },
  );

  const final = await tickets.get(id);
  if (createAt === null) {
    expect(final).toBeUndefined(); // never stored by the API: events create nothing, nothing to reconcile
    return;
  }
  if (firstTerminal) expect(final).toEqual(firstTerminal); // a terminal state is never overwritten
  expect(final?.status).toBe(life.truth.status);
  if (life.truth.status === "COMPLETED") {
    expect(final?.connection).toEqual({
      gameSessionArn: life.truth.connection?.gameSessionArn,
      ipAddress: "10.1.2.3",
      dnsName: "gs.example",
      port: 7777,
    });
    for (const s of life.truth.connection?.playerSessions ?? [])
      expect(final?.players[s.playerId]?.playerSessionId).toBe(s.playerSessionId);
  }
}

describe("fold + reconcile against DynamoDB Local", () => {
  it("ends every lifecycle in its true final state, whatever the delivery order, duplicates or drops", async () => {
    await fc.assert(
      fc.asyncProperty(
        lifecycleShapeArb.chain((shape) => {
          const length = buildLifecycle("x", shape).steps.length;
          return fc.tuple(
            fc.constant(shape),
            deliveryArb(length),
            fc.option(fc.integer({ min: 0, max: length * 2 }), { nil: null }),
          );
        }),
        async ([shape, delivery, createAt]) => {
          // A fresh ticket id per execution: a shrunk re-run never meets an earlier run's item.
          await check(buildLifecycle(`prop-${(counter += 1)}`, shape), delivery, createAt);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it("ends every placement in its true final state, and a terminal placement never changes", async () => {
    const endings: readonly (PlacementStatus | "OPEN")[] = ["FULFILLED", "CANCELLED", "TIMED_OUT", "FAILED", "OPEN"];
    const types: Record<string, string> = {
      FULFILLED: "PlacementFulfilled",
      CANCELLED: "PlacementCancelled",
      TIMED_OUT: "PlacementTimedOut",
      FAILED: "PlacementFailed",
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endings),
        fc.nat({ max: 3 }),
        fc.boolean(),
        fc.constantFrom(...endings),
        async (ending, copies, created, bogus) => {
          const id = `plc-prop-${(counter += 1)}`;
          const sessions = [{ playerId: `${id}-a`, playerSessionId: `psess-${id}-a` }];
          const status: PlacementStatus = ending === "OPEN" ? "PENDING" : ending;
          gamelift.placements.set(id, {
            placementId: id,
            queueName: "arena-eu",
            status,
            ...(status === "FULFILLED"
              ? {
                  connection: {
                    gameSessionArn: GS_ARN,
                    ipAddress: "10.0.0.7",
                    dnsName: "ec2-10-0-0-7.compute.amazonaws.com",
                    port: 7777,
                  },
                }
              : {}),
            playerSessions: status === "FULFILLED" ? sessions : [],
          });
          if (created)
            await placements.create({
              placementId: id,
              queueName: "arena-eu",
              playerIds: [`${id}-a`],
              players: {},
              createdAt: 100_000,
            });
          let pure: Placement | undefined = await placements.get(id);
          // The true terminal event, delivered 0..3 times, then a bogus later one that must not land.
          const envelopes =
            ending === "OPEN"
              ? []
              : Array.from({ length: copies }, () =>
                  placementEnvelope(types[ending] ?? "", id, { id: `${id}-e`, time: 5_000, players: sessions }),
                );
          if (bogus !== "OPEN" && envelopes.length > 0)
            envelopes.push(placementEnvelope(types[bogus] ?? "", id, { id: `${id}-bogus`, time: 9_000, players: [] }));
          for (const env of envelopes) {
            const d = decodeEnvelope(env);
            if (d.kind !== "placement" || !d.events[0]) throw new Error("fixture");
            const applied = await placements.apply(d.events[0], 200_000);
            const next = foldPlacement(pure, d.events[0], 200_000);
            expect(applied).toBe(next !== undefined);
            pure = next ?? pure;
          }
          runClock += 100_000;
          await reconcile(
            {
              tickets,
              placements,
              gamelift,
              clock: { now: () => runClock },
              sleep: async () => undefined,
              random: () => 0,
            },
            { ticketCallsPerSecond: 1_000, placementCallsPerSecond: 1_000 },
          );

          const final = await placements.get(id);
          if (!created) {
            expect(final).toBeUndefined(); // never stored by the API: events create nothing, nothing to reconcile
            return;
          }
          expect(final?.status).toBe(status);
          if (status === "FULFILLED")
            expect(final?.players).toEqual({ [`${id}-a`]: { playerSessionId: `psess-${id}-a` } });
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
