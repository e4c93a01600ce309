import { ThrottledError } from "../../errors.js";
import { observedPlacementEvent, unknownPlacementEvent } from "../placement/observe.js";
import type { Placement } from "../placement/types.js";
import { observedTicketEvent, unknownTicketEvent, type ObservedTicket } from "../ticket/observe.js";
import type { Ticket } from "../ticket/types.js";
import type { PlacementEvent, TicketEvent } from "./types.js";
import type { Clock } from "../clock.js";
import type { ReconcileObserver, ReconcileStore } from "./ports.js";
import { TokenBucket, type Sleep } from "./tokenBucket.js";

/** Dependencies of {@link reconcile}. */
export interface ReconcileDeps {
  readonly tickets: ReconcileStore<Ticket, TicketEvent>;
  readonly placements: ReconcileStore<Placement, PlacementEvent>;
  readonly gamelift: ReconcileObserver;
  readonly clock: Clock;
  readonly sleep: Sleep;
  /** Jitter source in [0, 1). */
  readonly random: () => number;
}

/** Options of {@link reconcile}; every field has a default. */
export interface ReconcileOptions {
  /** Items heard of longer ago than this are reconciled (default 30 000 ms). */
  readonly staleAfterMs?: number;
  readonly maxTickets?: number;
  readonly maxPlacements?: number;
  /** DescribeMatchmaking calls per second, also the burst (default 5; GameLift allows 200/s per account). */
  readonly ticketCallsPerSecond?: number;
  /** DescribeGameSessionPlacement calls per second, also the burst (default 5; GameLift allows 75/s). */
  readonly placementCallsPerSecond?: number;
  /** Retries of one call after a ThrottlingException before the run stops (default 3). */
  readonly maxThrottleRetries?: number;
  /** First backoff after a throttle, doubled each time, full jitter (default 500 ms). */
  readonly backoffBaseMs?: number;
  /** Used when a configuration's RequestTimeoutSeconds is unknown (default 43 200, the maximum). */
  readonly defaultRequestTimeoutSeconds?: number;
  /** Queue timeout assumed for placements (default 600 s, the documented maximum). */
  readonly placementTimeoutSeconds?: number;
  /** Extra wait past a timeout before declaring an unknown item FAILED (default 60 000 ms). */
  readonly graceMs?: number;
  /** Start no new call after this epoch ms (the Lambda deadline). */
  readonly deadline?: number;
}

/** What one run did. */
export interface ReconcileReport {
  ticketsChecked: number;
  /** Observations that changed a stored ticket (a missed or late event repaired). */
  ticketsRepaired: number;
  ticketsFailedUnknown: number;
  placementsChecked: number;
  placementsRepaired: number;
  placementsFailedUnknown: number;
  throttled: number;
  /** Items (or batches) whose reconciliation failed; each is logged by the caller and retried next run. */
  failed: number;
  /** The first few failures: which item and why (the run went on with the others). */
  failures: { readonly kind: "ticket" | "placement"; readonly ids: readonly string[]; readonly error: string }[];
  /** Why the run stopped before finishing, if it did. */
  stoppedEarly?: "throttled" | "deadline";
}

type Options = Required<ReconcileOptions>;

const DEFAULTS: Options = {
  staleAfterMs: 30_000,
  maxTickets: 500,
  maxPlacements: 100,
  ticketCallsPerSecond: 5,
  placementCallsPerSecond: 5,
  maxThrottleRetries: 3,
  backoffBaseMs: 500,
  defaultRequestTimeoutSeconds: 43_200,
  placementTimeoutSeconds: 600,
  graceMs: 60_000,
  deadline: Number.POSITIVE_INFINITY,
};

class StopRun extends Error {
  public readonly why: "throttled" | "deadline";
  public constructor(why: "throttled" | "deadline") {
    super(why);
    this.why = why;
  }
}

type Caller = <R>(fn: () => Promise<R>) => Promise<R>;

/** A rate-limited caller that backs off with jitter on ThrottledError and stops the run after too many. */
function caller(deps: ReconcileDeps, o: Options, report: ReconcileReport, perSecond: number): Caller {
  const bucket = new TokenBucket({
    ratePerSecond: perSecond,
    burst: Math.max(1, perSecond),
    clock: deps.clock,
    sleep: deps.sleep,
  });
  return async <R>(fn: () => Promise<R>): Promise<R> => {
    for (let attempt = 0; ; attempt += 1) {
      if (deps.clock.now() >= o.deadline) throw new StopRun("deadline");
      await bucket.take();
      try {
        return await fn();
      } catch (err) {
        if (!(err instanceof ThrottledError)) throw err;
        report.throttled += 1;
        bucket.slowDown();
        if (attempt >= o.maxThrottleRetries) throw new StopRun("throttled");
        await deps.sleep(Math.floor(deps.random() * o.backoffBaseMs * 2 ** attempt));
      }
    }
  };
}

/**
 * Finds tickets and placements that are not terminal and have heard nothing for `staleAfterMs`
 * (the sparse `pending` index), asks GameLift about them within a token-bucket budget (≤ 10 ids per
 * DescribeMatchmaking), and folds what it sees as synthetic `ObservedStatus` events through the same
 * guards as real events. A ticket GameLift no longer knows, past its request timeout + grace, ends
 * FAILED with reason `UNKNOWN_TO_GAMELIFT`; before that it is only marked as heard (unknown ≠
 * failed). Throttling halves the budget and backs off with jitter; after `maxThrottleRetries` the
 * run stops and leaves the rest to the next one. Any other error is isolated to its item (or its
 * DescribeMatchmaking batch): counted in `failed`, described in `failures`, and the run goes on, so
 * one poisoned item never blocks the others.
 * @example const report = await reconcile({ tickets, placements, gamelift, clock, sleep, random: Math.random });
 */
export async function reconcile(deps: ReconcileDeps, options: ReconcileOptions = {}): Promise<ReconcileReport> {
  const o: Options = { ...DEFAULTS, ...options };
  const report: ReconcileReport = {
    ticketsChecked: 0,
    ticketsRepaired: 0,
    ticketsFailedUnknown: 0,
    placementsChecked: 0,
    placementsRepaired: 0,
    placementsFailedUnknown: 0,
    throttled: 0,
    failed: 0,
    failures: [],
  };
  try {
    await reconcileTickets(deps, o, report, caller(deps, o, report, o.ticketCallsPerSecond));
    await reconcilePlacements(deps, o, report, caller(deps, o, report, o.placementCallsPerSecond));
  } catch (err) {
    if (!(err instanceof StopRun)) throw err;
    report.stoppedEarly = err.why;
  }
  return report;
}

const MAX_REPORTED_FAILURES = 10;

/**
 * Runs one item's (or one batch's) reconciliation so that its failure never blocks the others: a
 * poisoned item (e.g. one DynamoDB refuses to grow) is counted and left for the next run. Stopping
 * the run (throttled, deadline) still propagates.
 */
async function isolated(
  report: ReconcileReport,
  kind: "ticket" | "placement",
  ids: readonly string[],
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (err instanceof StopRun) throw err;
    report.failed += 1;
    if (report.failures.length < MAX_REPORTED_FAILURES) {
      report.failures.push({
        kind,
        ids: ids.map((id) => id.slice(0, 128)),
        error: err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 300) : String(err).slice(0, 300),
      });
    }
  }
}

async function reconcileTickets(deps: ReconcileDeps, o: Options, report: ReconcileReport, call: Caller): Promise<void> {
  const stale = await deps.tickets.listStale(deps.clock.now() - o.staleAfterMs, o.maxTickets);
  const timeouts = new Map<string, number>();
  const timeoutOf = async (config: string): Promise<number> => {
    let t = timeouts.get(config);
    if (t === undefined) {
      t =
        (config ? await call(() => deps.gamelift.requestTimeoutSeconds(config)) : undefined) ??
        o.defaultRequestTimeoutSeconds;
      timeouts.set(config, t);
    }
    return t;
  };
  for (let i = 0; i < stale.length; i += 10) {
    const batch = stale.slice(i, i + 10);
    let seen = new Map<string, ObservedTicket>();
    let described = false;
    await isolated(
      report,
      "ticket",
      batch.map((t) => t.ticketId),
      async () => {
        seen = new Map(
          (await call(() => deps.gamelift.describeTickets(batch.map((t) => t.ticketId)))).map((t) => [t.ticketId, t]),
        );
        described = true;
      },
    );
    if (!described) continue;
    // The batch's writes go out together: one conditional write per ticket, independent of each other.
    await Promise.all(
      batch.map((ticket) =>
        isolated(report, "ticket", [ticket.ticketId], async () => {
          report.ticketsChecked += 1;
          const now = deps.clock.now();
          const obs = seen.get(ticket.ticketId);
          if (obs) {
            const applied = await deps.tickets.apply(observedTicketEvent(obs, now), now);
            if (!applied) await deps.tickets.touch(ticket.ticketId, now);
            else if (obs.status !== ticket.status) report.ticketsRepaired += 1;
          } else if (now - ticket.createdAt > (await timeoutOf(ticket.configurationName)) * 1000 + o.graceMs) {
            if (await deps.tickets.apply(unknownTicketEvent(ticket, now), now)) report.ticketsFailedUnknown += 1;
          } else {
            await deps.tickets.touch(ticket.ticketId, now);
          }
        }),
      ),
    );
  }
}

async function reconcilePlacements(
  deps: ReconcileDeps,
  o: Options,
  report: ReconcileReport,
  call: Caller,
): Promise<void> {
  const stale = await deps.placements.listStale(deps.clock.now() - o.staleAfterMs, o.maxPlacements);
  for (const placement of stale) {
    await isolated(report, "placement", [placement.placementId], () =>
      reconcilePlacement(deps, o, report, call, placement),
    );
  }
}

async function reconcilePlacement(
  deps: ReconcileDeps,
  o: Options,
  report: ReconcileReport,
  call: Caller,
  placement: Placement,
): Promise<void> {
  const obs = await call(() => deps.gamelift.describePlacement(placement.placementId));
  report.placementsChecked += 1;
  const now = deps.clock.now();
  if (obs) {
    const applied = await deps.placements.apply(observedPlacementEvent(obs, now), now);
    if (!applied) await deps.placements.touch(placement.placementId, now);
    else if (obs.status !== placement.status) report.placementsRepaired += 1;
  } else if (now - placement.createdAt > o.placementTimeoutSeconds * 1000 + o.graceMs) {
    if (await deps.placements.apply(unknownPlacementEvent(placement, now), now)) report.placementsFailedUnknown += 1;
  } else {
    await deps.placements.touch(placement.placementId, now);
  }
}
