import { DescribeFleetCapacityCommand, GameLiftClient } from "@aws-sdk/client-gamelift";
import { ApiError, createClient, type MatchplaceClient } from "@matchplace/client";
import { tokenFor } from "./stage.js";

/** Where the crowd goes and how big it is. */
export interface CrowdOptions {
  readonly api: string;
  readonly gamelift: string;
  readonly region: string;
  readonly fleetId: string;
  readonly players: number;
  /** Matchmaking starts per second. */
  readonly rate: number;
  /** Player id prefix (unique per run). */
  readonly prefix: string;
  /** Give up on tickets still open this long after the last start. */
  readonly timeoutMs: number;
  /** Least time between two polls of one ticket (default 2000; the server's retryAfterMs may ask for more). */
  readonly pollEveryMs?: number;
  /** Requests in flight at once while polling (default 25). */
  readonly concurrency?: number;
  /** Told every ~10 s how far the crowd got (benchmarks print it). */
  readonly onProgress?: (p: { atMs: number; started: number; final: number; capacity?: CapacitySample }) => void;
}

/** One DescribeFleetCapacity reading of the fleet's home location. */
interface CapacitySample {
  readonly atMs: number;
  readonly desired: number;
  readonly active: number;
  readonly pending: number;
}

/** What happened to the crowd. */
export interface CrowdResult {
  /** Final ticket statuses, counted. */
  readonly statuses: Record<string, number>;
  /** Tickets with no final status when the run gave up (or never started). */
  readonly lost: number;
  /** Of the lost: starts that never got a ticket, and open tickets by their last status seen. */
  readonly lostBy: Record<string, number>;
  /** From the first start to the last ticket seen final. */
  readonly drainMs: number;
  /** From the first start to the last start (the arrival window). */
  readonly arrivalMs: number;
  readonly peakActiveInstances: number;
  readonly peakDesiredInstances: number;
  readonly samples: CapacitySample[];
}

const terminal = new Set(["COMPLETED", "FAILED", "CANCELLED", "TIMED_OUT"]);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` over items with at most `n` at once. */
async function pool<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

/**
 * Starts matchmaking the way a game client would: a throttle (429) or a server-side failure (5xx,
 * a dropped connection) is retried after the Retry-After given (else 1 s), with the same
 * idempotency key; a 409 naming the player's active ticket (a retried start that did happen) is
 * that ticket.
 */
async function startTicket(client: MatchplaceClient, idempotencyKey: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await client.startMatchmaking({}, { idempotencyKey })).ticketId;
    } catch (err) {
      const active =
        err instanceof ApiError && err.status === 409
          ? (err.details as { ticketId?: string } | undefined)?.ticketId
          : undefined;
      if (active) return active;
      const retryable = !(err instanceof ApiError) || err.status === 409 || err.status === 429 || err.status >= 500;
      if (!retryable || attempt >= 20) throw err;
      await sleep(err instanceof ApiError ? (err.retryAfterMs ?? 1000) : 1000);
    }
  }
}

/**
 * Sends a crowd through the REST API the way players would: each player gets a dev token, starts
 * matchmaking at `rate` per second, and polls their ticket (ETags, the server's retry hints) until
 * it is final; meanwhile the fleet's capacity is sampled with DescribeFleetCapacity every second.
 * @example
 * const r = await runCrowd({ api, gamelift, region: "us-east-1", fleetId, players: 100, rate: 50, prefix: "crowd", timeoutMs: 60_000 });
 * console.log(r.statuses, r.peakActiveInstances);
 */
export async function runCrowd(o: CrowdOptions): Promise<CrowdResult> {
  const ids = Array.from({ length: o.players }, (_, i) => `${o.prefix}-${i}`);
  const clients = new Map<string, MatchplaceClient>();
  await pool(
    ids,
    50,
    async (id) => void clients.set(id, createClient({ baseUrl: o.api, token: await tokenFor(o.api, id) })),
  );

  const gamelift = new GameLiftClient({
    endpoint: o.gamelift,
    region: o.region,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const samples: CapacitySample[] = [];
  let sampling = true;
  const t0 = performance.now();
  const sampler = (async () => {
    while (sampling) {
      const c = (
        await gamelift.send(new DescribeFleetCapacityCommand({ FleetIds: [o.fleetId] })).catch(() => undefined)
      )?.FleetCapacity?.[0]?.InstanceCounts;
      if (c)
        samples.push({
          atMs: performance.now() - t0,
          desired: c.DESIRED ?? 0,
          active: c.ACTIVE ?? 0,
          pending: c.PENDING ?? 0,
        });
      await sleep(1000);
    }
  })();

  const final = new Map<string, string>();
  const open = new Map<string, { player: string; dueAt: number; etag?: string; last?: string }>();
  let startFailed = 0;
  let lastFinal = 0;
  const starts: Promise<void>[] = [];
  ids.forEach((player, n) => {
    starts.push(
      (async () => {
        const due = t0 + (n * 1000) / o.rate;
        if (due > performance.now()) await sleep(due - performance.now());
        const ticketId = await startTicket(clients.get(player) as MatchplaceClient, `crowd-start-${player}`);
        open.set(ticketId, { player, dueAt: performance.now() + (o.pollEveryMs ?? 2000) });
      })().catch(() => void startFailed++), // a start that failed shows as lost
    );
  });
  let startsDone = false;
  const allStarted = Promise.all(starts).then(() => {
    startsDone = true;
  });
  const arrivalEnd = (async () => {
    await allStarted;
    return performance.now() - t0;
  })();

  let deadline = Infinity;
  let reportedAt = 0;
  while (!startsDone || open.size > 0) {
    if (o.onProgress && performance.now() - reportedAt >= 10_000) {
      reportedAt = performance.now();
      o.onProgress({
        atMs: reportedAt - t0,
        started: open.size + final.size,
        final: final.size,
        capacity: samples.at(-1),
      });
    }
    if (startsDone && deadline === Infinity) deadline = performance.now() + o.timeoutMs;
    if (performance.now() > deadline) break;
    const due = [...open].filter(([, t]) => t.dueAt <= performance.now());
    await pool(due, o.concurrency ?? 25, async ([ticketId, t]) => {
      let wait = o.pollEveryMs ?? 2000;
      try {
        const r = await (clients.get(t.player) as MatchplaceClient).getTicketIfChanged(ticketId, t.etag);
        t.etag = r.etag;
        if (!r.notModified && terminal.has(r.data.status)) {
          final.set(ticketId, r.data.status);
          open.delete(ticketId);
          lastFinal = performance.now() - t0;
          return;
        }
        if (!r.notModified) {
          t.last = r.data.status;
          wait = Math.max(wait, r.data.retryAfterMs ?? 0);
        }
      } catch (err) {
        // A poll that failed (throttled, a slow stage) is simply tried again later.
        wait = Math.max(wait, err instanceof ApiError ? (err.retryAfterMs ?? 2000) : 2000);
      }
      t.dueAt = performance.now() + wait;
    });
    await sleep(200);
  }
  sampling = false;
  await sampler;
  gamelift.destroy();

  const lostBy: Record<string, number> = startFailed > 0 ? { "start failed": startFailed } : {};
  for (const t of open.values()) lostBy[t.last ?? "never read"] = (lostBy[t.last ?? "never read"] ?? 0) + 1;
  const statuses: Record<string, number> = {};
  for (const s of final.values()) statuses[s] = (statuses[s] ?? 0) + 1;
  return {
    statuses,
    lost: o.players - final.size,
    lostBy,
    drainMs: lastFinal,
    arrivalMs: await arrivalEnd,
    peakActiveInstances: Math.max(0, ...samples.map((s) => s.active)),
    peakDesiredInstances: Math.max(0, ...samples.map((s) => s.desired)),
    samples,
  };
}
