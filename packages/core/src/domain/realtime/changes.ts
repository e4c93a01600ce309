import { retryAfterMs, ticketView } from "../matchmaking/view.js";
import { partyView } from "../party/service.js";
import { placementRetryAfterMs, placementView } from "../placement-request/service.js";
import type { Placement } from "../placement/types.js";
import type { Ticket } from "../ticket/types.js";
import type { ItemChange, MatchEventPlayer, OutboundMatchEvent, Push } from "./types.js";

/** `TIMED_OUT` → `TimedOut`. */
const pascal = (status: string): string =>
  status
    .toLowerCase()
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");

/** The players a change concerns: those on the item after the write (one who left a party may no longer read it). */
function audience(change: ItemChange): readonly string[] {
  return change.kind === "party" ? change.after.memberIds : change.after.playerIds;
}

/** The body a player would get from the matching GET route, and the message that carries it. */
function messageFor(change: ItemChange, playerId: string, now: number): Record<string, unknown> {
  switch (change.kind) {
    case "ticket":
      return {
        type: "ticket.updated",
        ticket: { ...ticketView(change.after, playerId), retryAfterMs: retryAfterMs(change.after, now) },
      };
    case "placement":
      return {
        type: "placement.updated",
        placement: { ...placementView(change.after, playerId), retryAfterMs: placementRetryAfterMs(change.after, now) },
      };
    case "party":
      return { type: "party.updated", party: partyView(change.after) };
  }
}

/** What `playerId` saw of the item before the write (undefined when they were not on it). */
function viewBefore(change: ItemChange, playerId: string): string | undefined {
  switch (change.kind) {
    case "ticket":
      return change.before?.playerIds.includes(playerId)
        ? JSON.stringify(ticketView(change.before, playerId))
        : undefined;
    case "placement":
      return change.before?.playerIds.includes(playerId)
        ? JSON.stringify(placementView(change.before, playerId))
        : undefined;
    case "party":
      return change.before?.memberIds.includes(playerId) ? JSON.stringify(partyView(change.before)) : undefined;
  }
}

function viewAfter(change: ItemChange, playerId: string): string {
  switch (change.kind) {
    case "ticket":
      return JSON.stringify(ticketView(change.after, playerId));
    case "placement":
      return JSON.stringify(placementView(change.after, playerId));
    case "party":
      return JSON.stringify(partyView(change.after));
  }
}

/**
 * The messages a write sends: one per player on the item whose own view changed (a write nobody
 * can see, such as the reconciler marking a ticket as heard of, sends nothing). Each body is what
 * the player's GET would return at `now`, with the item's version.
 * @example pushesFor({ kind: "ticket", before, after }, Date.now()) // [{ playerId: "a", message: { type: "ticket.updated", ticket } }]
 */
export function pushesFor(change: ItemChange, now: number): Push[] {
  const pushes: Push[] = [];
  for (const playerId of audience(change)) {
    if (viewBefore(change, playerId) === viewAfter(change, playerId)) continue;
    pushes.push({ playerId, message: messageFor(change, playerId, now) });
  }
  return pushes;
}

const ticketEventStatuses = new Set([
  "SEARCHING",
  "REQUIRES_ACCEPTANCE",
  "PLACING",
  "COMPLETED",
  "FAILED",
  "CANCELLED",
  "TIMED_OUT",
]);

function players(item: Ticket | Placement): MatchEventPlayer[] {
  return item.playerIds.map((playerId) => {
    const p: { team?: string; playerSessionId?: string; accepted?: boolean } = item.players[playerId] ?? {};
    return {
      playerId,
      ...(p.team === undefined ? {} : { team: p.team }),
      ...(p.playerSessionId === undefined ? {} : { playerSessionId: p.playerSessionId }),
      ...(p.accepted === undefined ? {} : { accepted: p.accepted }),
    };
  });
}

/**
 * The outbound match event of a write, when it is a visible transition: a ticket reaching
 * SEARCHING, REQUIRES_ACCEPTANCE, PLACING or an end; a placement ending. The id
 * (`ticket:<id>:<version>`) is the same however often the stream delivers the record, and a
 * duplicate or stale GameLift notification never writes, so never makes a second event.
 */
export function matchEventFor(change: ItemChange): OutboundMatchEvent | undefined {
  if (change.kind === "party") return undefined;
  const { before, after } = change;
  if (before !== undefined && before.status === after.status) return undefined;
  const time = new Date(after.updatedAt).toISOString();
  const c = after.connection;
  const common = {
    time,
    version: after.version,
    players: players(after),
    ...(after.reason === undefined ? {} : { reason: after.reason }),
    ...(c === undefined
      ? {}
      : { connection: { gameSessionArn: c.gameSessionArn, ipAddress: c.ipAddress, dnsName: c.dnsName, port: c.port } }),
  };
  if (change.kind === "ticket") {
    const t = change.after;
    if (!ticketEventStatuses.has(t.status)) return undefined;
    const type = `Ticket${pascal(t.status)}` as const;
    return {
      event: {
        type,
        id: `ticket:${t.ticketId}:${t.version}`,
        ticketId: t.ticketId,
        status: t.status,
        ...(change.before === undefined ? {} : { previousStatus: change.before.status }),
        configurationName: t.configurationName,
        ...(t.partyId === undefined ? {} : { partyId: t.partyId }),
        ...(t.matchId === undefined ? {} : { matchId: t.matchId }),
        ...(t.backfillOf === undefined ? {} : { backfillOf: t.backfillOf }),
        ...common,
      },
      attributes: { type, configurationName: t.configurationName },
    };
  }
  const p = change.after;
  if (p.status === "PENDING") return undefined;
  const type = `Placement${pascal(p.status)}` as const;
  return {
    event: {
      type,
      id: `placement:${p.placementId}:${p.version}`,
      placementId: p.placementId,
      status: p.status,
      ...(change.before === undefined ? {} : { previousStatus: change.before.status }),
      queueName: p.queueName,
      ...(p.gameSessionRegion === undefined ? {} : { gameSessionRegion: p.gameSessionRegion }),
      ...common,
    },
    attributes: { type, queueName: p.queueName },
  };
}
