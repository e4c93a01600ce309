import { sampleAttribute, sampleNumber, type AttributeValue } from "./population/sample.js";
import type { Population } from "./population/schema.js";
import { fork, weightedIndex, type Random } from "./rng.js";

/** One simulated player of a ticket. */
export interface SimPlayer {
  playerId: string;
  attributes: Record<string, AttributeValue>;
  latencyInMs?: Record<string, number>;
  /** Whether this player accepts a proposed match, and after how many ms. */
  accepts: boolean;
  answerAfterMs: number;
}

/** One matchmaking request of the population: a party arriving at `atMs` (from the start). */
export interface Arrival {
  ticketId: string;
  atMs: number;
  /** The region label the party plays from (`""` when the population has no regions). */
  region: string;
  players: SimPlayer[];
}

/** Random streams, one per purpose, so adding a field to one does not reshuffle another. */
const streams = { times: 1, parties: 2, attributes: 3, regions: 4, acceptance: 5 } as const;

/** Arrival offsets (ms, ascending) of `count` tickets under the population's arrival model. */
function arrivalTimes(random: Random, population: Population, count: number): number[] {
  const a = population.arrivals;
  const span = a.durationSeconds * 1000;
  const times: number[] = [];
  if (a.kind === "constant") {
    for (let i = 0; i < count; i++) times.push(Math.floor(random() * span));
  } else {
    // Rejection sampling under the piecewise-linear curve mapped onto [0, durationSeconds).
    const first = a.points[0]?.hour ?? 0;
    const last = a.points[a.points.length - 1]?.hour ?? 1;
    const peak = Math.max(...a.points.map((p) => p.rate));
    const rateAt = (hour: number): number => {
      for (let i = 1; i < a.points.length; i++) {
        const p0 = a.points[i - 1];
        const p1 = a.points[i];
        if (p0 && p1 && hour <= p1.hour)
          return p0.rate + ((p1.rate - p0.rate) * (hour - p0.hour)) / (p1.hour - p0.hour);
      }
      return a.points[a.points.length - 1]?.rate ?? 0;
    };
    while (times.length < count) {
      const x = random();
      if (random() * peak <= rateAt(first + x * (last - first))) times.push(Math.floor(x * span));
    }
  }
  return times.sort((x, y) => x - y);
}

/**
 * The population's tickets, in arrival order: party sizes drawn from the mix until `players`
 * players exist (the last party is cut to fit), attributes, region latencies and acceptance
 * behaviour drawn per player. Same population and seed → same arrivals.
 * @example const arrivals = generateArrivals(population, 7); arrivals[0].players[0].attributes.skill // { N: 1480.2 }
 */
export function generateArrivals(population: Population, seed: number): Arrival[] {
  const partyRandom = fork(seed, streams.parties);
  const sizes: number[] = [];
  let left = population.players;
  while (left > 0) {
    const size =
      population.parties[
        weightedIndex(
          partyRandom,
          population.parties.map((p) => p.weight),
        )
      ]?.size ?? 1;
    sizes.push(Math.min(size, left));
    left -= size;
  }
  const times = arrivalTimes(fork(seed, streams.times), population, sizes.length);
  const attrRandom = fork(seed, streams.attributes);
  const regionRandom = fork(seed, streams.regions);
  const acceptRandom = fork(seed, streams.acceptance);
  const regions = population.regions;
  const attributes = Object.entries(population.attributes);
  let playerNo = 0;
  return sizes.map((size, i) => {
    const region =
      regions.length > 0
        ? regions[
            weightedIndex(
              regionRandom,
              regions.map((r) => r.weight),
            )
          ]
        : undefined;
    const players: SimPlayer[] = [];
    for (let k = 0; k < size; k++) {
      playerNo++;
      const values: Record<string, AttributeValue> = {};
      for (const [name, spec] of attributes) {
        const v = sampleAttribute(attrRandom, spec);
        if (v !== undefined) values[name] = v;
      }
      const player: SimPlayer = {
        playerId: `player-${String(playerNo).padStart(7, "0")}`,
        attributes: values,
        accepts: acceptRandom() < population.acceptance.probability,
        answerAfterMs: Math.max(0, Math.round(sampleNumber(acceptRandom, population.acceptance.delaySeconds) * 1000)),
      };
      if (region) {
        const latency: Record<string, number> = {};
        for (const [location, d] of Object.entries(region.latencyMs))
          latency[location] = Math.max(1, Math.round(sampleNumber(regionRandom, d)));
        player.latencyInMs = latency;
      }
      players.push(player);
    }
    return {
      ticketId: `ticket-${String(i + 1).padStart(7, "0")}`,
      atMs: times[i] ?? 0,
      region: region?.name ?? "",
      players,
    };
  });
}
