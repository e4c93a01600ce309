import { createSocket, type Socket } from "node:dgram";
import type { PingBeaconAccess, UdpEndpoint } from "../engines/context.js";

/** Options of {@link startPingBeacons}. */
export interface PingBeaconOptions {
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** One-way delay each beacon adds before echoing, by location (a round trip then measures about this much). */
  readonly latencyMs?: Readonly<Record<string, number>>;
  /** Delay of locations not in `latencyMs`. Default 0. */
  readonly defaultLatencyMs?: number;
}

/** Running beacons: one UDP echo socket per location, started on first use. */
export interface PingBeacons extends PingBeaconAccess {
  /** Locations with a running beacon and their endpoints. */
  endpoints(): Readonly<Record<string, UdpEndpoint>>;
  close(): Promise<void>;
}

/**
 * UDP echo beacons like GameLift's (`gamelift-ping.<region>.api.aws:7770`): each location gets its own
 * socket on `host`; a datagram sent to it comes back unchanged after that location's configured delay,
 * so a client measures a ping the way it would against AWS and reports it as `LatencyInMs`.
 * @example
 * const beacons = startPingBeacons({ latencyMs: { "us-east-1": 20, "eu-west-1": 90 } });
 * const { Domain, Port } = (await beacons.endpoint("eu-west-1"))!;
 */
export function startPingBeacons(options: PingBeaconOptions = {}): PingBeacons {
  const host = options.host ?? "127.0.0.1";
  const sockets = new Map<string, Promise<{ socket: Socket; endpoint: UdpEndpoint }>>();
  const pending = new Set<NodeJS.Timeout>();
  const ready = new Map<string, UdpEndpoint>();
  let closed = false;
  const delayOf = (location: string): number => options.latencyMs?.[location] ?? options.defaultLatencyMs ?? 0;

  const open = (location: string): Promise<{ socket: Socket; endpoint: UdpEndpoint }> =>
    new Promise((resolve, reject) => {
      const socket = createSocket(host.includes(":") ? "udp6" : "udp4");
      socket.on("message", (msg, rinfo) => {
        const echo = (): void => {
          if (!closed) socket.send(msg, rinfo.port, rinfo.address);
        };
        const delay = delayOf(location);
        if (delay <= 0) return echo();
        const t = setTimeout(() => {
          pending.delete(t);
          echo();
        }, delay);
        pending.add(t);
      });
      socket.once("error", reject);
      socket.bind(0, host, () => {
        socket.off("error", reject);
        const endpoint = { Domain: host, Port: socket.address().port };
        ready.set(location, endpoint);
        resolve({ socket, endpoint });
      });
    });

  return {
    async endpoint(location) {
      if (closed) return undefined;
      let s = sockets.get(location);
      if (!s) sockets.set(location, (s = open(location)));
      return (await s).endpoint;
    },
    endpoints: () => Object.fromEntries(ready),
    async close() {
      closed = true;
      for (const t of pending) clearTimeout(t);
      pending.clear();
      const all = await Promise.allSettled(sockets.values());
      await Promise.all(
        all.map((r) =>
          r.status === "fulfilled"
            ? new Promise<void>((resolve) => r.value.socket.close(() => resolve()))
            : Promise.resolve(),
        ),
      );
    },
  };
}
