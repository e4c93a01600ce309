import type { Clock } from "../clock.js";
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  OutcomeUnknownError,
  ThrottledError,
} from "../../errors.js";
import type { QueueProfile } from "../matchmaking/catalog.js";
import type { GameLiftPort, PlacementPort } from "../matchmaking/ports.js";
import type { PartyPort } from "../party/ports.js";
import type { PlacementPlayersPort } from "./ports.js";
import { isTerminalPlacementStatus, type Placement } from "../placement/types.js";
import type { Player } from "../player/types.js";

/** Dependencies of the placement use cases (each with the GameLift calls it makes). */
export interface PlacementDeps<Calls extends keyof GameLiftPort = "startPlacement" | "stopPlacement"> {
  readonly placements: PlacementPort;
  readonly players: PlacementPlayersPort;
  readonly parties: Pick<PartyPort, "get">;
  readonly gamelift: Pick<GameLiftPort, Calls>;
  readonly clock: Clock;
  readonly newId: () => string;
  /** Live placements a player may be on at once (default {@link DEFAULT_PLACEMENT_QUOTA}). */
  readonly placementQuota?: number;
}

/** Live placements per player unless configured (`MATCHPLACE_PLACEMENT_QUOTA`). */
export const DEFAULT_PLACEMENT_QUOTA = 1;

/** A slot whose placement was never stored is abandoned after this long (the claim precedes the store by ms). */
const ABANDONED_SLOT_MS = 30_000;

async function slotEnded(deps: Pick<PlacementDeps, "placements" | "clock">, slot: string): Promise<boolean> {
  const at = slot.lastIndexOf("@");
  const placementId = at < 0 ? slot : slot.slice(0, at);
  const claimedAt = at < 0 ? 0 : Number(slot.slice(at + 1));
  const placement = await deps.placements.get(placementId);
  if (placement === undefined) return deps.clock.now() - claimedAt > ABANDONED_SLOT_MS;
  return isTerminalPlacementStatus(placement.status);
}

/**
 * Claims a live-placement slot for every player (race-safe: one conditional write). When a player is
 * at the quota, slots of placements that have ended are freed first (lazily, as for tickets) and the
 * claim is tried once more.
 * @throws ConflictError `PLACEMENT_QUOTA_EXCEEDED` when a player still holds `quota` live placements.
 */
async function claimSlot(
  deps: Omit<PlacementDeps, "gamelift">,
  placementId: string,
  playerIds: readonly string[],
): Promise<void> {
  const quota = deps.placementQuota ?? DEFAULT_PLACEMENT_QUOTA;
  try {
    await deps.players.claimPlacementSlot(placementId, playerIds, quota, deps.clock.now());
    return;
  } catch (err) {
    if (!(err instanceof ConflictError) || err.code !== "PLACEMENT_QUOTA_EXCEEDED") throw err;
    let freed = 0;
    for (const playerId of playerIds) {
      const slots = (await deps.players.get(playerId))?.activePlacements ?? [];
      const ended: string[] = [];
      for (const slot of slots) if (await slotEnded(deps, slot)) ended.push(slot);
      await deps.players.releasePlacementSlots(playerId, ended);
      freed += ended.length;
    }
    if (freed === 0) throw err;
  }
  await deps.players.claimPlacementSlot(placementId, playerIds, quota, deps.clock.now());
}

/** GameLift refused the start for sure (as opposed to an outcome we cannot know, e.g. a timeout). */
function definitelyRefused(err: unknown): boolean {
  return (
    err instanceof InvalidInputError ||
    err instanceof NotFoundError ||
    err instanceof ConflictError ||
    err instanceof ThrottledError ||
    err instanceof ForbiddenError
  );
}

/** What the caller asked for (schema-checked). */
export interface StartPlacementInput {
  readonly playerId: string;
  readonly profile: QueueProfile;
  /** The GameLift queue name the profile resolves to in this stage. */
  readonly queueName: string;
  readonly maximumPlayerSessionCount: number;
  readonly gameSessionName?: string;
  readonly gameProperties?: Readonly<Record<string, string>>;
  readonly latencyInMs?: Readonly<Record<string, number>>;
}

/**
 * Checks game properties against the queue's allow-list.
 * @throws InvalidInputError naming the first key that is not allowed or whose value does not match.
 */
export function checkGameProperties(profile: QueueProfile, properties: Readonly<Record<string, string>>): void {
  for (const [key, value] of Object.entries(properties)) {
    const pattern = profile.gameProperties[key];
    if (!pattern)
      throw new InvalidInputError(`body.gameProperties.${key}`, `not a game property queue ${profile.key} allows`);
    if (!pattern.test(value)) throw new InvalidInputError(`body.gameProperties.${key}`, `must match ${pattern.source}`);
  }
}

/**
 * Places a game session directly on a queue for the caller (or the caller's party when leading
 * one), with a player session per member. The placement is stored before the GameLift call, under
 * a server-generated PlacementId, so events always find it. Every player first claims one of its
 * `placementQuota` live-placement slots (one hogging token can no longer hold every game session).
 * @throws InvalidInputError for disallowed game properties or too few player slots.
 * @throws ConflictError `PLACEMENT_QUOTA_EXCEEDED` when a player is at its quota.
 */
export async function startPlacement(
  deps: PlacementDeps<"startPlacement">,
  input: StartPlacementInput,
): Promise<Placement> {
  checkGameProperties(input.profile, input.gameProperties ?? {});
  const caller = await deps.players.getOrCreate(input.playerId, deps.clock.now());
  const party = caller.partyId === undefined ? undefined : await deps.parties.get(caller.partyId);
  const playerIds = party !== undefined && party.leaderId === input.playerId ? [...party.memberIds] : [input.playerId];
  if (input.maximumPlayerSessionCount < playerIds.length) {
    throw new InvalidInputError(
      "body.maximumPlayerSessionCount",
      `must be at least ${playerIds.length} (the party's size)`,
    );
  }
  const placementId = deps.newId();
  await claimSlot(deps, placementId, playerIds);
  const placement = await deps.placements.create({
    placementId,
    queueName: input.queueName,
    playerIds,
    players: {},
    createdAt: deps.clock.now(),
  });
  await deps.players.recordPlacement(placement.placementId, playerIds, deps.clock.now());
  const start = deps.gamelift.startPlacement({
    placementId: placement.placementId,
    queueName: input.queueName,
    maximumPlayerSessionCount: input.maximumPlayerSessionCount,
    ...(input.gameSessionName === undefined ? {} : { gameSessionName: input.gameSessionName }),
    ...(input.gameProperties === undefined ? {} : { gameProperties: input.gameProperties }),
    playerLatencies: Object.entries(input.latencyInMs ?? {}).map(([regionIdentifier, latencyInMs]) => ({
      playerId: input.playerId,
      regionIdentifier,
      latencyInMs,
    })),
    playerIds,
  });
  try {
    await start;
  } catch (err) {
    // GameLift may have started it (timeout, 5xx): not a failure. The placement is stored under the
    // id we sent; its event or the reconciler (DescribeGameSessionPlacement) settles it.
    if (err instanceof OutcomeUnknownError) return placement;
    // A refused start frees the slots now; an unknown outcome keeps them (the placement may be live).
    if (definitelyRefused(err)) {
      const slot = (p: Player | undefined): string[] =>
        (p?.activePlacements ?? []).filter((x) => x.startsWith(`${placementId}@`));
      await Promise.all(
        playerIds.map(async (id) => deps.players.releasePlacementSlots(id, slot(await deps.players.get(id)))),
      );
    }
    throw err;
  }
  return placement;
}

/**
 * A placement the caller is on.
 * @throws NotFoundError when unknown or when the caller is not on it (no existence leak).
 */
export async function readPlacementFor(
  placements: Pick<PlacementPort, "get">,
  placementId: string,
  playerId: string,
): Promise<Placement> {
  const placement = await placements.get(placementId);
  if (!placement?.playerIds.includes(playerId)) throw new NotFoundError("No such placement");
  return placement;
}

/**
 * Cancels a pending placement the caller is on; harmless once it has ended.
 * @throws ConflictError `PLACEMENT_NOT_PENDING` when GameLift already made the session.
 */
export async function stopPlacement(
  deps: Pick<PlacementDeps<"stopPlacement">, "placements" | "gamelift">,
  playerId: string,
  placementId: string,
): Promise<Placement> {
  const placement = await readPlacementFor(deps.placements, placementId, playerId);
  if (isTerminalPlacementStatus(placement.status)) return placement;
  try {
    await deps.gamelift.stopPlacement(placement.placementId);
  } catch (err) {
    if (err instanceof NotFoundError) return placement;
    if (err instanceof ConflictError)
      throw new ConflictError("PLACEMENT_NOT_PENDING", "The placement can no longer be cancelled", { cause: err });
    throw err;
  }
  return placement;
}

/** A placement as one of its players sees it. */
export interface PlacementView {
  readonly placementId: string;
  readonly status: Placement["status"];
  readonly queue: string;
  readonly gameSessionRegion?: string;
  readonly reason?: string;
  readonly connection?: { ipAddress: string; dnsName: string; port: number; playerSessionId: string };
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Grows with every change of the placement. */
  readonly version: number;
}

/** The caller's view: only its own player session. */
export function placementView(placement: Placement, playerId: string): PlacementView {
  const own = placement.players[playerId]?.playerSessionId;
  const c = placement.connection;
  return {
    placementId: placement.placementId,
    status: placement.status,
    queue: placement.queueName,
    ...(placement.gameSessionRegion === undefined ? {} : { gameSessionRegion: placement.gameSessionRegion }),
    ...(placement.reason === undefined ? {} : { reason: placement.reason }),
    ...(placement.status === "FULFILLED" && c && own !== undefined
      ? { connection: { ipAddress: c.ipAddress, dnsName: c.dnsName, port: c.port, playerSessionId: own } }
      : {}),
    createdAt: new Date(placement.createdAt).toISOString(),
    updatedAt: new Date(placement.updatedAt).toISOString(),
    version: placement.version,
  };
}

/** Poll hint for a placement: 1 s while pending, doubling every 15 s unchanged (max 10 s); 0 once ended. */
export function placementRetryAfterMs(placement: Pick<Placement, "status" | "updatedAt">, now: number): number {
  if (isTerminalPlacementStatus(placement.status)) return 0;
  const steps = Math.max(0, Math.floor((now - placement.updatedAt) / 15_000));
  return Math.min(10_000, 1000 * 2 ** Math.min(steps, 4));
}
