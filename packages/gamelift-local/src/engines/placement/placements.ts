import { idOf, queueArn } from "../../arns.js";
import { InvalidRequestException, NotFoundException } from "../../errors.js";
import type { EmulatorContext } from "../context.js";
import type { Store } from "../../store/Store.js";
import { collections } from "../state/collections.js";
import type { GameProperty, PlacementRecord, PlacementStatus, PlayerLatency, QueueRecord } from "../state/records.js";
import { publishPlacementEvent, type PlacementEventType } from "./events.js";

/** What `startPlacement` takes; mirrors StartGameSessionPlacement in camelCase. */
export interface StartPlacementRequest {
  /** Client-chosen, `^[a-zA-Z0-9-]+$`, 1..48; never reusable. */
  readonly placementId: string;
  /** Queue name or ARN. */
  readonly queueNameOrArn: string;
  readonly maximumPlayerSessionCount: number;
  readonly gameSessionName?: string;
  readonly gameProperties?: readonly GameProperty[];
  readonly gameSessionData?: string;
  /** FlexMatch's MatchmakerData JSON, copied to the game session. */
  readonly matchmakerData?: string;
  readonly playerLatencies?: readonly PlayerLatency[];
  /** One player session is reserved per entry when the placement is fulfilled. */
  readonly desiredPlayerSessions?: readonly { readonly playerId: string; readonly playerData?: string }[];
  readonly priorityConfigurationOverride?: PlacementRecord["PriorityConfigurationOverride"];
  /** Called once when the placement reaches a final status (not kept across a restart: poll `getPlacement` then). */
  readonly onResult?: PlacementResultListener;
}

/** Told the final state of a placement (FULFILLED, CANCELLED, TIMED_OUT or FAILED). */
type PlacementResultListener = (placement: Readonly<PlacementRecord>) => void | Promise<void>;

// Listeners are functions, so they cannot live in the (JSON) store; keyed by store = per emulator.
const listenersByStore = new WeakMap<Store, Map<string, PlacementResultListener>>();

function listeners(ctx: EmulatorContext): Map<string, PlacementResultListener> {
  let map = listenersByStore.get(ctx.store);
  if (!map) {
    map = new Map();
    listenersByStore.set(ctx.store, map);
  }
  return map;
}

/** The queue named by a name or ARN, or `NotFoundException`. */
export function requireQueue(ctx: EmulatorContext, nameOrArn: string): QueueRecord {
  const queue = collections(ctx.store).queues.get(idOf(nameOrArn));
  if (!queue) throw new NotFoundException(`Game session queue ${nameOrArn} not found.`);
  return queue;
}

/**
 * Queues a game session placement (status PENDING); the placement engine fulfills it on a later tick.
 * Throws `NotFoundException` for an unknown queue, `InvalidRequestException` for a reused id.
 * @example
 * startPlacement(ctx, { placementId: "m-1", queueNameOrArn: "arena", maximumPlayerSessionCount: 4,
 *   desiredPlayerSessions: [{ playerId: "p1" }], onResult: (p) => console.info(p.Status, p.GameSessionId) });
 */
export function startPlacement(ctx: EmulatorContext, request: StartPlacementRequest): PlacementRecord {
  const queue = requireQueue(ctx, request.queueNameOrArn);
  const placements = collections(ctx.store).placements;
  if (placements.has(request.placementId)) {
    throw new InvalidRequestException(`Placement ID ${request.placementId} is already in use.`);
  }
  const placement: PlacementRecord = {
    PlacementId: request.placementId,
    GameSessionQueueName: queue.Name,
    queueArn: queueArn(ctx, queue.Name),
    Status: "PENDING",
    GameProperties: [...(request.gameProperties ?? [])],
    MaximumPlayerSessionCount: request.maximumPlayerSessionCount,
    GameSessionName: request.gameSessionName,
    PlayerLatencies: [...(request.playerLatencies ?? [])],
    DesiredPlayerSessions: (request.desiredPlayerSessions ?? []).map((d) => ({
      PlayerId: d.playerId,
      PlayerData: d.playerData,
    })),
    StartTime: ctx.clock.now(),
    GameSessionData: request.gameSessionData,
    MatchmakerData: request.matchmakerData,
    PriorityConfigurationOverride: request.priorityConfigurationOverride,
  };
  placements.put(placement.PlacementId, placement);
  if (request.onResult) listeners(ctx).set(placement.PlacementId, request.onResult);
  return structuredClone(placement);
}

/** A copy of the placement's current state, or `undefined` when there is none with that id. */
export function getPlacement(ctx: EmulatorContext, placementId: string): PlacementRecord | undefined {
  const p = collections(ctx.store).placements.get(placementId);
  return p ? structuredClone(p) : undefined;
}

const eventTypes: Record<Exclude<PlacementStatus, "PENDING">, PlacementEventType> = {
  FULFILLED: "PlacementFulfilled",
  CANCELLED: "PlacementCancelled",
  TIMED_OUT: "PlacementTimedOut",
  FAILED: "PlacementFailed",
};

/** Moves a PENDING placement to a final status: sets EndTime, publishes the event, tells the listener. */
export async function finishPlacement(
  ctx: EmulatorContext,
  placement: PlacementRecord,
  status: Exclude<PlacementStatus, "PENDING">,
  queue: QueueRecord | undefined,
): Promise<void> {
  placement.Status = status;
  placement.EndTime = ctx.clock.now();
  const listener = listeners(ctx).get(placement.PlacementId);
  listeners(ctx).delete(placement.PlacementId);
  await publishPlacementEvent(ctx, queue, eventTypes[status], placement);
  await listener?.(structuredClone(placement));
}

/**
 * Cancels a PENDING placement (StopGameSessionPlacement). A fulfilled one cannot be stopped
 * (`InvalidRequestException`); other final ones are returned unchanged.
 */
export async function stopPlacement(ctx: EmulatorContext, placementId: string): Promise<PlacementRecord> {
  const placement = collections(ctx.store).placements.get(placementId);
  if (!placement) throw new NotFoundException(`Game session placement ${placementId} not found.`);
  if (placement.Status === "FULFILLED") {
    throw new InvalidRequestException(`Game session placement ${placementId} is FULFILLED and cannot be stopped.`);
  }
  if (placement.Status === "PENDING") {
    await finishPlacement(
      ctx,
      placement,
      "CANCELLED",
      collections(ctx.store).queues.get(placement.GameSessionQueueName),
    );
  }
  return structuredClone(placement);
}

/** Fails every PENDING placement of a queue that is being deleted. */
export async function failPlacementsOfQueue(ctx: EmulatorContext, queue: QueueRecord): Promise<void> {
  for (const p of collections(ctx.store).placements.values()) {
    if (p.Status === "PENDING" && p.GameSessionQueueName === queue.Name) await finishPlacement(ctx, p, "FAILED", queue);
  }
}
