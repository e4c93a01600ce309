import { randomBytes } from "node:crypto";
import { setMaxListeners } from "node:events";
import { DescribeMatchmakingCommand, TerminateGameSessionCommand, type GameLiftClient } from "@aws-sdk/client-gamelift";
import {
  ApiError,
  connectRealtime,
  createClient,
  type MatchplaceClient,
  type RealtimeConnection,
  type Ticket,
  type UpdateSource,
} from "@matchplace/client";
import { MAX_PARTY_SIZE } from "@matchplace/core";
import { parseRuleSet, type RuleSet } from "@matchplace/gamelift-local/flexmatch";
import { RefusedError } from "../../errors.js";
import type { Arrival, SimPlayer } from "../arrivals.js";
import { matchmakerAttributes } from "../matchmakerData.js";
import { RunObserver, type EventDetail } from "../observer.js";
import { sampleNumber, type AttributeValue } from "../population/sample.js";
import type { Population } from "../population/schema.js";
import { waitStats } from "../report/stats.js";
import { fork } from "../rng.js";
import type { RuleSetSource } from "../ruleSetSource.js";
import type { LiveRunInfo, RunObservation, RunProgress, TicketOutcome } from "../types.js";
import { subscribeToEvents, type GameLiftEvent } from "./eventFeed.js";
import { RequestLimiter } from "./limiter.js";
import { RatingSeeder } from "./seedRatings.js";
import { checkStage, stageGameLift, type LiveStage, type StageConfiguration } from "./stage.js";

/** Options of {@link createLiveRunner}. */
export interface LiveRunnerOptions {
  readonly stage: LiveStage;
  /** At most this many requests to the stage per second (REST, tokens, rating seeds, GameLift calls). */
  readonly ratePerSecond: number;
  /** At most this many requests in flight at once. */
  readonly concurrency: number;
  /** Simulated seconds per wall second the population was compressed by ({@link compressedPopulation}); reported, and for progress. */
  readonly timeScale: number;
}

/** The input runSimulation hands a runner. */
export interface LiveRunInput {
  source: RuleSetSource;
  population: Population;
  arrivals: readonly Arrival[];
  seed: number;
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
}

const terminal = new Set(["COMPLETED", "FAILED", "CANCELLED", "TIMED_OUT"]);

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

/** Calls `fn`, retrying up to 3 times on 429/503 after the server's Retry-After. */
async function withRetry<T>(fn: () => Promise<T>, signal: AbortSignal): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof ApiError) || (err.status !== 429 && err.status !== 503) || attempt >= 4 || signal.aborted)
        throw err;
      await pause(err.retryAfterMs ?? 1000, signal);
    }
  }
}

/** Resolves once the socket is open, or after `ms` (the connection then polls until it opens). */
function opened(live: RealtimeConnection, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (live.connected) return resolve();
    const timer = setTimeout(() => {
      off();
      resolve();
    }, ms);
    const off = live.on("open", () => {
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

/** The stage's configuration as the report shows it. */
function reportedConfiguration(c: StageConfiguration): Record<string, unknown> {
  return {
    requestTimeoutSeconds: c.requestTimeoutSeconds,
    acceptanceRequired: c.acceptanceRequired,
    ...(c.acceptanceTimeoutSeconds !== undefined ? { acceptanceTimeoutSeconds: c.acceptanceTimeoutSeconds } : {}),
    additionalPlayerCount: c.additionalPlayerCount,
    backfillMode: c.backfillMode,
    from: `the stage's configuration ${c.name}`,
  };
}

/** Lines about population settings a live run cannot apply (the stage's own configuration and fleet rule). */
export function ignoredSettings(population: Population, c: StageConfiguration): string[] {
  const o = population.configuration;
  const out: string[] = [];
  const differs = (name: string, wanted: unknown, actual: unknown): void => {
    if (wanted !== undefined && wanted !== actual)
      out.push(
        `the population's configuration.${name} (${String(wanted)}) is ignored: the stage runs ${String(actual)}`,
      );
  };
  differs("requestTimeoutSeconds", o.requestTimeoutSeconds, c.requestTimeoutSeconds);
  differs("acceptanceRequired", o.acceptanceRequired, c.acceptanceRequired);
  differs("acceptanceTimeoutSeconds", o.acceptanceTimeoutSeconds, c.acceptanceTimeoutSeconds);
  differs("additionalPlayerCount", o.additionalPlayerCount, c.additionalPlayerCount);
  differs("backfillMode", o.backfillMode, c.backfillMode);
  out.push(
    "the population's fleet capacity and locations are ignored: the stage's own fleet places the matches (game sessions still end after the population's lengths, scaled)",
  );
  return out;
}

/** The API's client-settable attribute names, from its own OpenAPI document. */
async function clientSettable(api: MatchplaceClient): Promise<Set<string>> {
  const doc = (await api.openapi()) as {
    components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> };
  };
  return new Set(Object.keys(doc.components?.schemas?.["ClientAttributes"]?.properties ?? {}));
}

/** A population attribute value as the REST API takes it (plain JSON). */
function plain(v: AttributeValue): unknown {
  const x = v as { S?: string; N?: number; SL?: string[]; SDM?: Record<string, number> };
  return x.S ?? x.N ?? x.SL ?? x.SDM;
}

/**
 * Creates the `--live` runner: the population driven through a running local stage as real
 * clients. Each simulated player gets a dev token (`POST /local/token`), opens the realtime
 * connection, forms its party (`POST /v1/parties`, `/join`), and its leader starts matchmaking
 * (`POST /v1/matchmaking`, with the client-settable attributes and the leader's latencies — what
 * the API takes); every member watches the ticket (push, polling fallback) and answers acceptance
 * after its delay when the configuration asks. The population comes already on the wall clock
 * ({@link compressedPopulation}): arrivals happen at their time; every request goes through one
 * {@link RequestLimiter}. Ticket outcomes are what
 * the clients heard; proposals, teams and rule metrics come from GameLift's own matchmaking events
 * (an SNS HTTP subscription to the stage's event topic); each match's player attributes from
 * DescribeMatchmaking on the stage's GameLift. Times in the report are wall seconds from the start.
 */
export function createLiveRunner(options: LiveRunnerOptions): (input: LiveRunInput) => Promise<RunObservation> {
  return (input) => runLive(options, input);
}

async function runLive(options: LiveRunnerOptions, input: LiveRunInput): Promise<RunObservation> {
  const { stage, timeScale } = options;
  const { source, population, arrivals } = input;
  const ruleSet = parseRuleSet(source.body);
  const largest = Math.max(0, ...arrivals.map((a) => a.players.length));
  if (largest > MAX_PARTY_SIZE)
    throw new RefusedError(
      `--live: the population has parties of ${largest}; the API's parties hold at most ${MAX_PARTY_SIZE}`,
    );

  const gl = stageGameLift(stage);
  const stop = new AbortController();
  // Every pending pause, socket and watch listens to it.
  setMaxListeners(0, stop.signal);
  let abortedAtMs: number | undefined;
  let runStartMs = Date.now();
  const onAbort = (): void => {
    abortedAtMs ??= Date.now() - runStartMs;
    stop.abort();
  };
  input.signal?.addEventListener("abort", onAbort, { once: true });
  const limiter = new RequestLimiter({ ratePerSecond: options.ratePerSecond, concurrency: options.concurrency });
  if (input.signal?.aborted) onAbort();
  const limitedFetch = limiter.fetch();
  let seeder: RatingSeeder | undefined;
  let feed: Awaited<ReturnType<typeof subscribeToEvents>> | undefined;
  const sessionTimers = new Set<ReturnType<typeof setTimeout>>();
  try {
    const configuration = await checkStage(stage, source, gl);
    const anonymous = createClient({ baseUrl: stage.api, fetch: limitedFetch });
    const settable = await clientSettable(anonymous);
    const seedsSkill = ruleSet.playerAttributes.some((a) => a.name === "skill" && a.type === "number");
    if (seedsSkill)
      seeder = new RatingSeeder({
        endpoint: stage.dynamodb,
        region: stage.region,
        tableName: stage.tableName,
        pool: configuration.name,
      });

    const prefix = `sim-${Date.now().toString(36)}${randomBytes(3).toString("hex")}-`;
    const runStart = Date.now();
    runStartMs = runStart;
    const observer = new RunObserver({ arrivals, ruleSet, startMs: runStart, homeRegion: stage.region });
    const simOf = new Map<string, string>(); // real ticket id → population ticket id
    const realOf = new Map<string, string>();
    const queue: GameLiftEvent[] = [];
    let eventWaiters: (() => void)[] = [];
    const sessionRandom = fork(input.seed, 11);
    const sessions = new Map<string, boolean>(); // game session ARN → terminated
    /** Per population ticket: what its clients do when they have not heard of an end GameLift already announced. */
    const nudges = new Map<string, () => void>();
    const nudgeTimers = new Set<ReturnType<typeof setTimeout>>();
    let sessionsEnded = 0;

    const endSession = async (arn: string): Promise<void> => {
      if (sessions.get(arn) !== false) return;
      sessions.set(arn, true);
      await limiter
        .run(() => gl.send(new TerminateGameSessionCommand({ GameSessionId: arn, TerminationMode: "FORCE_TERMINATE" })))
        .then(() => sessionsEnded++)
        .catch(() => undefined);
    };
    const ours = (e: GameLiftEvent): boolean =>
      (e.detail.tickets ?? []).some((t) => t.players.some((p) => p.playerId.startsWith(prefix)));
    const drain = (flush = false): void => {
      while (queue.length > 0) {
        const e = queue[0] as GameLiftEvent;
        const tickets = e.detail.tickets ?? [];
        if (!flush && tickets.some((t) => !simOf.has(t.ticketId))) break;
        queue.shift();
        const detail = {
          ...e.detail,
          tickets: tickets.flatMap((t) => {
            const sim = simOf.get(t.ticketId);
            return sim === undefined
              ? []
              : [
                  {
                    ...t,
                    ticketId: sim,
                    players: t.players.map((p) => ({ ...p, playerId: p.playerId.slice(prefix.length) })),
                  },
                ];
          }),
        } as unknown as EventDetail;
        observer.onEvent(detail, Date.parse(e.time));
        if (/^Matchmaking(Succeeded|TimedOut|Cancelled|Failed)$/.test(e.detail.type)) {
          // A client that has heard nothing 10 s after GameLift ended its ticket asks the server (a realtime resync), as a player's app would.
          for (const t of (detail as EventDetail).tickets) {
            const timer = setTimeout(() => {
              nudgeTimers.delete(timer);
              nudges.get(t.ticketId)?.();
            }, 10_000);
            nudgeTimers.add(timer);
          }
        }
        const arn = (e.detail["gameSessionInfo"] as { gameSessionArn?: string } | undefined)?.gameSessionArn;
        if (e.detail.type === "MatchmakingSucceeded" && arn !== undefined && !sessions.has(arn)) {
          sessions.set(arn, false);
          const lengthMs = Math.max(100, sampleNumber(sessionRandom, population.fleet.gameSessionSeconds) * 1000);
          const timer = setTimeout(() => {
            sessionTimers.delete(timer);
            void endSession(arn);
          }, lengthMs);
          sessionTimers.add(timer);
        }
      }
      const waiters = eventWaiters;
      eventWaiters = [];
      for (const w of waiters) w();
    };
    feed = await subscribeToEvents({
      sns: stage.sns,
      region: stage.region,
      topicArn: stage.eventsTopic,
      onEvent: (e) => {
        if (!ours(e)) return;
        queue.push(e);
        drain();
      },
    });
    await feed.confirmed;

    const outcomes = new Map<string, TicketOutcome>();
    const heard: Record<UpdateSource, number> = { push: 0, resync: 0, poll: 0 };
    const errors: string[] = [];
    let acceptanceAnswers = 0;
    let submittedPlayers = 0;
    let finished = 0;
    const totalPlayers = arrivals.reduce((n, a) => n + a.players.length, 0);
    const watchTimeoutMs =
      (configuration.requestTimeoutSeconds + (configuration.acceptanceTimeoutSeconds ?? 0) + 180) * 1000;

    /** One party's life on the stage: tokens, realtime, party, start, watch, acceptance. */
    const play = async (arrival: Arrival): Promise<void> => {
      const outcome: TicketOutcome = { ticketId: arrival.ticketId, status: "UNFINISHED", startMs: arrival.atMs };
      outcomes.set(arrival.ticketId, outcome);
      const conns: RealtimeConnection[] = [];
      let realTicket: string | undefined;
      let leaderApi: MatchplaceClient | undefined;
      try {
        const members = await Promise.all(
          arrival.players.map(async (p: SimPlayer) => {
            const playerId = prefix + p.playerId;
            const res = await limitedFetch(`${stage.api}/local/token`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ playerId }),
              signal: AbortSignal.timeout(10_000),
            });
            if (res.status !== 200) throw new Error(`token for ${playerId}: ${res.status}`);
            const { token } = (await res.json()) as { token: string };
            const skill = (p.attributes["skill"] as { N?: number } | undefined)?.N;
            if (seeder && skill !== undefined)
              await limiter.run(() => (seeder as RatingSeeder).seed(playerId, skill, Date.now()));
            const api = createClient({ baseUrl: stage.api, token, fetch: limitedFetch });
            const live = stage.websocket
              ? connectRealtime({ url: stage.websocket, token, api, signal: stop.signal })
              : undefined;
            if (live) conns.push(live);
            // An empty list is no value (the API wants at least one item): the player then goes without the attribute, as GameLift would default it.
            const attributes = Object.fromEntries(
              Object.entries(p.attributes)
                .filter(([k]) => settable.has(k))
                .map(([k, v]) => [k, plain(v)] as const)
                .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
            );
            return { p, api, live, attributes };
          }),
        );
        await Promise.all(members.map((m) => (m.live ? opened(m.live, 5000) : undefined)));
        const leader = members[0];
        if (!leader || stop.signal.aborted) return;
        leaderApi = leader.api;
        let body: { latencyInMs?: Record<string, number>; attributes?: Record<string, unknown> } = leader.p.latencyInMs
          ? { latencyInMs: leader.p.latencyInMs }
          : {};
        if (members.length > 1) {
          // In a party the leader's request carries no attributes (they would apply to every member): each sets its own preferences.
          for (const m of members)
            if (Object.keys(m.attributes).length > 0)
              await withRetry(() => m.api.updateMe({ preferences: m.attributes as never }), stop.signal);
          const party = await withRetry(() => leader.api.createParty(), stop.signal);
          for (const m of members.slice(1)) await withRetry(() => m.api.joinParty(party.code), stop.signal);
        } else if (Object.keys(leader.attributes).length > 0) {
          body = { ...body, attributes: leader.attributes };
        }
        if (stop.signal.aborted) return;
        const started = await withRetry(() => leader.api.startMatchmaking(body as never), stop.signal);
        realTicket = started.ticketId;
        outcome.startMs = Date.now() - runStart;
        submittedPlayers += arrival.players.length;
        simOf.set(started.ticketId, arrival.ticketId);
        realOf.set(arrival.ticketId, started.ticketId);
        observer.submitted(arrival.ticketId, outcome.startMs);
        drain();
        const answered = new Set<string>();
        const watch = (
          m: (typeof members)[number],
        ): Promise<{ view: Ticket; source: UpdateSource | undefined; atMs: number }> => {
          let lastSource: UpdateSource | undefined;
          const onChange = (view: Ticket, src?: UpdateSource): void => {
            lastSource = src ?? "poll";
            const match = view.match;
            const key = `${m.p.playerId}/${match?.matchId ?? ""}`;
            if (view.status !== "REQUIRES_ACCEPTANCE" || match?.accepted !== null || answered.has(key)) return;
            answered.add(key);
            void pause(m.p.answerAfterMs, stop.signal).then(async () => {
              if (stop.signal.aborted) return;
              try {
                await m.api.acceptMatch(view.ticketId, m.p.accepts);
                acceptanceAnswers++;
              } catch (err) {
                // The proposal was settled meanwhile (another player rejected, it timed out): nothing to answer.
                if (!(err instanceof ApiError) || (err.status !== 409 && err.status !== 404))
                  errors.push(`accept ${view.ticketId}: ${(err as Error).message}`);
              }
            });
          };
          const id = started.ticketId;
          const done = m.live
            ? m.live.watchTicket(id, { timeoutMs: watchTimeoutMs, signal: stop.signal, onChange })
            : m.api.waitForTicket(id, {
                timeoutMs: watchTimeoutMs,
                signal: stop.signal,
                onChange: (v) => onChange(v, "poll"),
              });
          return done.then((view) => ({ view, source: lastSource, atMs: Date.now() - runStart }));
        };
        nudges.set(arrival.ticketId, () => {
          for (const m of members) m.live?.resync().catch(() => undefined);
        });
        const results = await Promise.all(members.map(watch));
        nudges.delete(arrival.ticketId);
        const first = results[0];
        if (first && terminal.has(first.view.status)) {
          outcome.status = first.view.status as TicketOutcome["status"];
          outcome.startMs = Date.parse(first.view.createdAt) - runStart;
          outcome.endMs = first.atMs;
          if (first.view.match?.matchId) outcome.matchId = first.view.match.matchId;
          if (first.source) heard[first.source]++;
          finished++;
        }
      } catch (err) {
        if (!stop.signal.aborted) errors.push(`${arrival.ticketId}: ${(err as Error).message}`);
        // Leave nothing searching on the stage for a party this run stopped watching.
        if (realTicket !== undefined && leaderApi !== undefined && outcome.status === "UNFINISHED") {
          await leaderApi.stopMatchmaking(realTicket).catch(() => undefined);
        }
      } finally {
        await Promise.all(conns.map((c) => c.close().catch(() => undefined)));
      }
    };

    const progress = (): RunProgress => ({
      submittedPlayers,
      totalPlayers,
      finishedTickets: finished,
      totalTickets: arrivals.length,
      matches: observer.matchCount,
      simulatedSeconds: (Date.now() - runStart) / 1000,
    });
    const ticker = setInterval(() => input.onProgress?.(progress()), 500);
    const flows: Promise<void>[] = [];
    try {
      for (const arrival of arrivals) {
        await pause(runStart + arrival.atMs - Date.now(), stop.signal);
        if (stop.signal.aborted) break;
        flows.push(play(arrival));
      }
      await Promise.all(flows);
      // The clients may hear of a match before GameLift's events reach this run's subscription, and a
      // MatchmakingSucceeded may come before its PotentialMatchCreated: wait (bounded) for them — after
      // a Ctrl-C too, since those matches were made before the stop and a partial report lists the
      // match of every ticket it counts COMPLETED.
      const deadline = Date.now() + 10_000;
      const missing = (): boolean => {
        if (observer.completionsAwaitingProposal > 0) return true;
        const matched = new Set(observer.matches().flatMap((m) => m.tickets.map((t) => t.ticketId)));
        return [...outcomes.values()].some((o) => o.status === "COMPLETED" && !matched.has(o.ticketId));
      };
      while (missing() && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
          eventWaiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    } finally {
      clearInterval(ticker);
    }
    drain(true);
    const interrupted = stop.signal.aborted;

    // Ctrl-C stops the clients before some heard their ticket's end: GameLift's event for it, if it came before the stop, stands in.
    let endedUnheard = 0;
    if (abortedAtMs !== undefined) {
      const byEvent = new Map(observer.outcomes().map((o) => [o.ticketId, o]));
      for (const o of outcomes.values()) {
        const e = byEvent.get(o.ticketId);
        if (
          o.status !== "UNFINISHED" ||
          !e ||
          e.status === "UNFINISHED" ||
          e.endMs === undefined ||
          e.endMs > abortedAtMs
        )
          continue;
        o.status = e.status;
        o.endMs = e.endMs;
        if (e.matchId !== undefined) o.matchId = e.matchId;
        endedUnheard++;
      }
    }
    // A match counts once its tickets COMPLETED in the outcomes (after Ctrl-C, GameLift may still finish matches nobody watched).
    const heardCompleted = (ticketId: string): boolean => outcomes.get(ticketId)?.status === "COMPLETED";
    const matches = observer.matches().filter((m) => m.tickets.every((t) => heardCompleted(t.ticketId)));
    const attributeSource = await attributesFromGameLift(gl, limiter, matches, realOf, prefix, ruleSet);
    // Skill as GameLift got it, against the population's sample (the seeded rating rounds it).
    const sampled = new Map(
      arrivals.flatMap((a) =>
        a.players.map((p) => [p.playerId, (p.attributes["skill"] as { N?: number } | undefined)?.N] as const),
      ),
    );
    let skillMismatches = 0;
    if (seedsSkill) {
      for (const m of matches)
        for (const t of m.matchmakerData.teams)
          for (const p of t.players) {
            const want = sampled.get(p.playerId);
            const got = p.attributes["skill"]?.valueAttribute;
            if (want !== undefined && (typeof got !== "number" || Math.abs(got - Math.round(want)) > 0.5))
              skillMismatches++;
          }
    }
    // From GameLift's MatchmakingSucceeded to the leader's client hearing COMPLETED: the event path, push and all.
    const completedAt = new Map(
      matches.flatMap((m) => m.tickets.map((t) => [t.ticketId, m.completedAtSeconds * 1000] as const)),
    );
    const hearing = [...outcomes.values()].flatMap((o) => {
      const at = completedAt.get(o.ticketId);
      return o.status === "COMPLETED" && o.endMs !== undefined && at !== undefined
        ? [Math.max(0, o.endMs - at) / 1000]
        : [];
    });
    const byEvents = new Map(observer.outcomes().map((o) => [o.ticketId, o.status]));
    const eventDisagreements = [...outcomes.values()].filter(
      (o) => o.status !== "UNFINISHED" && byEvents.get(o.ticketId) !== o.status,
    ).length;
    for (const timer of sessionTimers) clearTimeout(timer);
    sessionTimers.clear();
    for (const timer of nudgeTimers) clearTimeout(timer);
    await Promise.all([...sessions.keys()].map(endSession));
    input.onProgress?.(progress());

    const live: LiveRunInfo = {
      stage: {
        api: stage.api,
        websocket: stage.websocket ?? null,
        configuration: configuration.name,
        ruleSet: configuration.ruleSetName,
      },
      timeScale,
      ratePerSecond: options.ratePerSecond,
      concurrency: options.concurrency,
      requests: limiter.stats,
      wallSeconds: (Date.now() - runStart) / 1000,
      heardBy: heard,
      heardAfterMatchSeconds: waitStats(hearing),
      acceptanceAnswers,
      gameSessionsEnded: sessionsEnded,
      endedUnheard,
      skillSeeded: seedsSkill,
      skillMismatches,
      eventOutcomeDisagreements: eventDisagreements,
      matchesFrom:
        "teams and ages: PotentialMatchCreated on the stage's GameLift event topic (SNS); attributes: DescribeMatchmaking on the stage's GameLift",
      matchAttributesFromDescribeMatchmaking: attributeSource.described,
      clientErrors: errors.length,
      ...(errors[0] !== undefined ? { firstClientError: errors[0] } : {}),
    };
    return {
      outcomes: arrivals.flatMap((a) => {
        const o = outcomes.get(a.ticketId);
        return o ? [o] : [];
      }),
      matches,
      ruleMetrics: observer.ruleMetrics(),
      proposals: observer.proposals,
      proposalsAbandoned: observer.abandoned,
      simulatedSeconds: (Date.now() - runStart) / 1000,
      interrupted,
      configuration: reportedConfiguration(configuration),
      live,
    };
  } finally {
    input.signal?.removeEventListener("abort", onAbort);
    for (const timer of sessionTimers) clearTimeout(timer);
    await feed?.close();
    seeder?.close();
    gl.destroy();
  }
}

/**
 * Replaces each match's player attributes with what GameLift holds for its tickets
 * (DescribeMatchmaking, 10 tickets a call): the values matchmaking really used, defaults filled in
 * as MatchmakerData does. Players GameLift no longer describes keep the population's values.
 */
async function attributesFromGameLift(
  gl: GameLiftClient,
  limiter: RequestLimiter,
  matches: RunObservation["matches"],
  realOf: ReadonlyMap<string, string>,
  prefix: string,
  ruleSet: RuleSet,
): Promise<{ described: number }> {
  const ids = matches
    .flatMap((m) => m.tickets.map((t) => realOf.get(t.ticketId)))
    .filter((id): id is string => id !== undefined);
  const described = new Map<string, Record<string, AttributeValue>>();
  for (let i = 0; i < ids.length; i += 10) {
    const out = await limiter.run(() => gl.send(new DescribeMatchmakingCommand({ TicketIds: ids.slice(i, i + 10) })));
    for (const t of out.TicketList ?? [])
      for (const p of t.Players ?? [])
        if (p.PlayerId)
          described.set(p.PlayerId.slice(prefix.length), (p.PlayerAttributes ?? {}) as Record<string, AttributeValue>);
  }
  let count = 0;
  for (const m of matches)
    for (const team of m.matchmakerData.teams)
      for (const p of team.players) {
        const attrs = described.get(p.playerId);
        if (attrs === undefined) continue;
        p.attributes = matchmakerAttributes(ruleSet, attrs);
        count++;
      }
  return { described: count };
}
