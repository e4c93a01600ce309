import { createSocket } from "node:dgram";
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";

/** A location's UDP ping beacon, as GameLift's ListLocations gives it (`PingBeacon.UDPEndpoint`). */
export interface PingBeacon {
  readonly location: string;
  readonly domain: string;
  readonly port: number;
}

/** Options of {@link measureLatencies}. */
export interface PingOptions {
  /** Pings per location; the fastest counts (default 3). */
  readonly samples?: number;
  /** How long to wait for one echo (default 1000 ms); a location that never answers is left out. */
  readonly timeoutMs?: number;
}

/** One round trip to a UDP echo beacon, in milliseconds, or `undefined` on timeout. */
function pingOnce(beacon: PingBeacon, timeoutMs: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const socket = createSocket(beacon.domain.includes(":") ? "udp6" : "udp4");
    const probe = randomBytes(8);
    let start = 0;
    const done = (ms: number | undefined): void => {
      clearTimeout(timer);
      socket.close();
      resolve(ms);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    socket.on("message", (msg) => {
      if (msg.equals(probe)) done(performance.now() - start);
    });
    socket.on("error", () => done(undefined));
    start = performance.now();
    socket.send(probe, beacon.port, beacon.domain);
  });
}

/**
 * Measures the round trip to each location's UDP ping beacon and returns what a matchmaking request's
 * `latencyInMs` wants: location → whole milliseconds (at least 1), fastest of `samples` pings.
 * Node only (UDP). Against the local stage the beacons answer after each location's configured delay.
 * @example
 * const { Locations = [] } = await gamelift.send(new ListLocationsCommand({}));
 * const latencyInMs = await measureLatencies(Locations.flatMap((l) => l.PingBeacon?.UDPEndpoint
 *   ? [{ location: l.LocationName!, domain: l.PingBeacon.UDPEndpoint.Domain!, port: l.PingBeacon.UDPEndpoint.Port! }] : []));
 * await api.startMatchmaking({ latencyInMs });
 */
export async function measureLatencies(
  beacons: readonly PingBeacon[],
  options: PingOptions = {},
): Promise<Record<string, number>> {
  const samples = options.samples ?? 3;
  const timeoutMs = options.timeoutMs ?? 1000;
  const results = await Promise.all(
    beacons.map(async (b) => {
      let best: number | undefined;
      for (let i = 0; i < samples; i++) {
        const ms = await pingOnce(b, timeoutMs);
        if (ms !== undefined && (best === undefined || ms < best)) best = ms;
      }
      return [b.location, best] as const;
    }),
  );
  return Object.fromEntries(
    results
      .filter((r): r is readonly [string, number] => r[1] !== undefined)
      .map(([l, ms]) => [l, Math.max(1, Math.ceil(ms))]),
  );
}
