import { createInProcessEmulator, endGameSessionProcess, GameLiftError, ManualClock } from "@matchplace/gamelift-local";
import { parseRuleSet } from "@matchplace/gamelift-local/flexmatch";
import type { Arrival } from "./arrivals.js";
import { RunObserver, type EventDetail } from "./observer.js";
import { sampleNumber } from "./population/sample.js";
import type { Population } from "./population/schema.js";
import { fork, sequentialIds } from "./rng.js";
import type { RuleSetSource } from "./ruleSetSource.js";
import { createResources } from "./setup.js";
import type { RunObservation, RunProgress } from "./types.js";

/** Options of {@link simulateRun}. */
export interface SimulateRunOptions {
  source: RuleSetSource;
  population: Population;
  arrivals: readonly Arrival[];
  seed: number;
  /** Called every few hundred virtual seconds and at the end. */
  onProgress?: (progress: RunProgress) => void;
  /** Aborting stops the run after the current tick; the observation is then partial. */
  signal?: AbortSignal;
}

/** Virtual epoch of every run: fixed, so reports never depend on the wall clock. */
const epoch = Date.parse("2026-01-01T00:00:00.000Z");
/** The simulated stage's home Region. */
const region = "us-east-1";

type Action = () => Promise<void>;

/** Events the run does not read: one MatchmakingSearching (and AcceptMatch) per ticket carries nothing the report needs. */
const ignored = new Set(["MatchmakingSearching", "AcceptMatch"]);

/**
 * Runs the population through the emulator's own FlexMatch, acceptance, queue-placement and
 * fleet engines, in this process on a `ManualClock`: arrivals are submitted with
 * StartMatchmaking at their virtual time, players answer AcceptMatch after their delay, game
 * sessions end after their sampled length (freeing fleet capacity), and the engines tick every
 * `tickSeconds` of virtual time. Nothing sleeps; the same inputs give the same observation.
 * @example const observation = await simulateRun({ source, population, arrivals, seed: 1 });
 */
export async function simulateRun(options: SimulateRunOptions): Promise<RunObservation> {
  const { source, population, arrivals, seed } = options;
  const ruleSet = parseRuleSet(source.body);
  const clock = new ManualClock(epoch);
  const observer = new RunObserver({ arrivals, ruleSet, startMs: epoch, homeRegion: region });
  const emulator = createInProcessEmulator({
    clock,
    region,
    ids: sequentialIds(seed),
    settings: {
      fleetStatusDurationsMs: { NEW: 0, DOWNLOADING: 0, VALIDATING: 0, BUILDING: 0, ACTIVATING: 0 },
      playerSessionTimeoutMs: 0,
    },
    // FlexMatch events arrive as objects (no JSON round trip); placement events carry no tickets: not needed.
    notifyEvent: (_topic, event) => {
      const detail = (event as { detail?: EventDetail }).detail;
      if (!detail || !Array.isArray(detail.tickets) || ignored.has(detail.type)) return;
      observer.onEvent(detail, clock.now());
      react(detail);
    },
  });
  const configurationName = await createResources(emulator, source, population);
  await emulator.tick();

  const tickMs = Math.round(population.tickSeconds * 1000);
  const sessionRandom = fork(seed, 11);
  const byTicket = new Map(arrivals.map((a) => [a.ticketId, a]));
  // Scheduled actions (acceptance answers, game sessions ending) by the tick that runs them.
  const due = new Map<number, Action[]>();
  const schedule = (atMs: number, action: Action): void => {
    const slot = Math.ceil((atMs - epoch) / tickMs);
    const list = due.get(slot);
    if (list) list.push(action);
    else due.set(slot, [action]);
  };
  // A game session's end is scheduled once (a backfill would succeed into the same session again).
  const endScheduled = new Set<string>();
  /** What players and game servers do in response to an event: answer acceptance, end the game later. */
  function react(detail: EventDetail): void {
    const now = clock.now();
    if (detail.type === "PotentialMatchCreated" && detail.acceptanceRequired === true) {
      for (const t of detail.tickets) {
        for (const p of byTicket.get(t.ticketId)?.players ?? []) {
          schedule(now + p.answerAfterMs, async () => {
            try {
              await emulator.call("AcceptMatch", {
                TicketId: t.ticketId,
                PlayerIds: [p.playerId],
                AcceptanceType: p.accepts ? "ACCEPT" : "REJECT",
              });
            } catch (err) {
              // The proposal was settled meanwhile (another player rejected, the ticket ended): nothing to answer.
              if (!(err instanceof GameLiftError)) throw err;
            }
          });
        }
      }
    }
    const arn = detail.gameSessionInfo?.gameSessionArn;
    if (detail.type === "MatchmakingSucceeded" && arn !== undefined && !endScheduled.has(arn)) {
      endScheduled.add(arn);
      const lengthMs = Math.max(tickMs, sampleNumber(sessionRandom, population.fleet.gameSessionSeconds) * 1000);
      schedule(now + lengthMs, async () => {
        endGameSessionProcess(emulator.context, arn);
      });
    }
  }
  const inner = observer;

  const config = population.configuration;
  const slack =
    (config.requestTimeoutSeconds ?? source.configuration.RequestTimeoutSeconds) +
    (config.acceptanceTimeoutSeconds ?? source.configuration.AcceptanceTimeoutSeconds ?? 0) +
    population.fleet.queueTimeoutSeconds +
    60;
  const lastArrival = arrivals[arrivals.length - 1]?.atMs ?? 0;
  const deadline = lastArrival + slack * 1000 * 4;
  const totalPlayers = arrivals.reduce((n, a) => n + a.players.length, 0);
  let next = 0;
  let submittedPlayers = 0;
  let interrupted = false;
  let slot = 0;
  const progress = (): RunProgress => ({
    submittedPlayers,
    totalPlayers,
    finishedTickets: inner.finished,
    totalTickets: arrivals.length,
    matches: inner.matchCount,
    simulatedSeconds: (slot * tickMs) / 1000,
  });
  const progressEvery = Math.max(1, Math.round(30_000 / tickMs));
  for (; ; slot++) {
    if (options.signal?.aborted) {
      interrupted = true;
      break;
    }
    const t = slot * tickMs;
    for (let a = arrivals[next]; a !== undefined && a.atMs <= t; a = arrivals[++next]) {
      clock.set(epoch + a.atMs);
      inner.submitted(a.ticketId, a.atMs);
      await emulator.call("StartMatchmaking", {
        TicketId: a.ticketId,
        ConfigurationName: configurationName,
        Players: a.players.map((p) => ({
          PlayerId: p.playerId,
          PlayerAttributes: p.attributes,
          ...(p.latencyInMs ? { LatencyInMs: p.latencyInMs } : {}),
        })),
      });
      submittedPlayers += a.players.length;
    }
    clock.set(epoch + t);
    for (const action of due.get(slot) ?? []) await action();
    due.delete(slot);
    await emulator.tick();
    // Finished records only cost scan time; dropping them every few ticks keeps each scan short.
    if (slot % 10 === 0) emulator.forgetFinished();
    if (slot % progressEvery === 0) options.onProgress?.(progress());
    if (next >= arrivals.length && inner.open === 0) break;
    if (t > deadline) break;
  }
  options.onProgress?.(progress());
  return {
    outcomes: inner.outcomes(),
    matches: inner.matches(),
    ruleMetrics: inner.ruleMetrics(),
    proposals: inner.proposals,
    proposalsAbandoned: inner.abandoned,
    simulatedSeconds: (slot * tickMs) / 1000,
    interrupted,
  };
}
