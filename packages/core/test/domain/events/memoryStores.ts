import { foldPlacement } from "../../../src/domain/placement/fold.js";
import { isTerminalPlacementStatus, type Placement } from "../../../src/domain/placement/types.js";
import { foldTicket } from "../../../src/domain/ticket/fold.js";
import { isTerminalTicketStatus } from "../../../src/domain/ticket/status.js";
import type { Ticket } from "../../../src/domain/ticket/types.js";
import type { PlacementEvent, TicketEvent } from "../../../src/domain/events/types.js";
import type { ReconcileStore } from "../../../src/domain/events/ports.js";

/** An in-memory ticket store driven by the real pure fold (a fake, not a mock). */
export class MemoryTicketStore implements ReconcileStore<Ticket, TicketEvent> {
  public readonly items = new Map<string, Ticket>();

  public async apply(event: TicketEvent, now: number): Promise<boolean> {
    const next = foldTicket(this.items.get(event.ticketId), event, now);
    if (next) this.items.set(event.ticketId, next);
    return next !== undefined;
  }

  public async touch(id: string, now: number): Promise<void> {
    const t = this.items.get(id);
    if (t && !isTerminalTicketStatus(t.status)) this.items.set(id, { ...t, heardAt: now });
  }

  public async listStale(heardBefore: number, limit: number): Promise<Ticket[]> {
    return [...this.items.values()]
      .filter((t) => !isTerminalTicketStatus(t.status) && t.heardAt <= heardBefore)
      .slice(0, limit);
  }
}

/** An in-memory placement store driven by the real pure fold. */
export class MemoryPlacementStore implements ReconcileStore<Placement, PlacementEvent> {
  public readonly items = new Map<string, Placement>();

  public async apply(event: PlacementEvent, now: number): Promise<boolean> {
    const next = foldPlacement(this.items.get(event.placementId), event, now);
    if (next) this.items.set(event.placementId, next);
    return next !== undefined;
  }

  public async touch(id: string, now: number): Promise<void> {
    const p = this.items.get(id);
    if (p && !isTerminalPlacementStatus(p.status)) this.items.set(id, { ...p, heardAt: now });
  }

  public async listStale(heardBefore: number, limit: number): Promise<Placement[]> {
    return [...this.items.values()]
      .filter((p) => !isTerminalPlacementStatus(p.status) && p.heardAt <= heardBefore)
      .slice(0, limit);
  }
}

/** A manual clock whose sleep advances time instead of waiting. */
export class FakeTime {
  public nowMs: number;
  public readonly sleeps: number[] = [];
  public constructor(start: number) {
    this.nowMs = start;
  }
  public readonly clock = { now: (): number => this.nowMs };
  public readonly sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.nowMs += ms;
  };
}
