import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePopulation } from "../../src/simulate/population/load.js";
import { resolveRuleSet } from "../../src/simulate/ruleSetSource.js";
import { runSimulation } from "../../src/simulate/simulation.js";

const repo = fileURLToPath(new URL("../../../../", import.meta.url));
const arena = resolveRuleSet("arena-2v2", repo);

const populations = fc.record({
  players: fc.integer({ min: 1, max: 60 }),
  duoWeight: fc.double({ min: 0, max: 1, noNaN: true }),
  acceptanceRequired: fc.boolean(),
  acceptProbability: fc.double({ min: 0.5, max: 1, noNaN: true }),
  requestTimeoutSeconds: fc.integer({ min: 5, max: 60 }),
  sessions: fc.integer({ min: 1, max: 3 }),
  gameSeconds: fc.integer({ min: 5, max: 120 }),
  spread: fc.integer({ min: 0, max: 600 }),
});

describe("report totals", () => {
  it("every ticket ends in exactly one outcome and every player of a COMPLETED ticket is in exactly one match", async () => {
    await fc.assert(
      fc.asyncProperty(populations, fc.integer({ min: 0, max: 1000 }), async (p, seed) => {
        const population = parsePopulation({
          players: p.players,
          arrivals: { kind: "constant", durationSeconds: 60 },
          parties: [
            { size: 1, weight: 1 },
            { size: 2, weight: p.duoWeight },
          ],
          attributes: { skill: { type: "number", distribution: { kind: "normal", mean: 1200, stddev: p.spread } } },
          acceptance: { probability: p.acceptProbability, delaySeconds: { kind: "uniform", min: 0, max: 8 } },
          configuration: {
            acceptanceRequired: p.acceptanceRequired,
            acceptanceTimeoutSeconds: 5,
            requestTimeoutSeconds: p.requestTimeoutSeconds,
          },
          fleet: {
            locations: ["us-east-1"],
            instancesPerLocation: 1,
            gameSessionsPerInstance: p.sessions,
            gameSessionSeconds: { kind: "constant", value: p.gameSeconds },
            queueTimeoutSeconds: 10,
          },
        });
        const { report, arrivals } = await runSimulation({
          ruleSets: [arena],
          population,
          populationSource: "property",
          seed,
        });
        const run = report.runs[0];
        if (!run) throw new Error("no run");
        const o = run.totals.outcomes;

        expect(run.totals.tickets).toBe(arrivals.length);
        expect(run.totals.players).toBe(p.players);
        expect(o.COMPLETED + o.TIMED_OUT + o.CANCELLED + o.FAILED + o.UNFINISHED).toBe(arrivals.length);
        expect(o.UNFINISHED).toBe(0);
        const seats = new Map<string, number>();
        for (const m of run.matches)
          for (const t of m.matchmakerData.teams)
            for (const pl of t.players) seats.set(pl.playerId, (seats.get(pl.playerId) ?? 0) + 1);
        const matchedTickets = new Set(run.matches.flatMap((m) => m.tickets.map((t) => t.ticketId)));
        expect(matchedTickets.size).toBe(o.COMPLETED);
        for (const a of arrivals) {
          const completed = matchedTickets.has(a.ticketId);
          for (const pl of a.players) expect(seats.get(pl.playerId) ?? 0).toBe(completed ? 1 : 0);
        }
        expect(run.waitSeconds.overall.count).toBe(o.COMPLETED);
      }),
      { numRuns: 25 },
    );
  });
});
