import type { EmulatorContext } from "../../operations/types.js";
import { collections } from "../state/collections.js";
import type { FleetRecord, GameSessionRecord, InstanceRecord } from "../state/records.js";

/** The address every emulated instance has. */
export const localIpAddress = "127.0.0.1";

/** Game sessions that hold a server process. */
export function isLiveSession(s: GameSessionRecord): boolean {
  return s.Status === "ACTIVATING" || s.Status === "ACTIVE" || s.Status === "TERMINATING";
}

/** Server processes (= game session slots) per instance: Σ ConcurrentExecutions, at least 1. */
export function processesPerInstance(fleet: FleetRecord): number {
  const procs = fleet.RuntimeConfiguration.ServerProcesses ?? [];
  return Math.max(1, procs.reduce((n, p) => n + p.ConcurrentExecutions, 0));
}

/** Live game sessions per instance id. */
function sessionsByInstance(ctx: EmulatorContext, fleetId: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of collections(ctx.store).gameSessions.values()) {
    if (s.FleetId === fleetId && isLiveSession(s)) counts.set(s.InstanceId, (counts.get(s.InstanceId) ?? 0) + 1);
  }
  return counts;
}

/** ACTIVE instances of a fleet, optionally in one location. */
export function activeInstances(ctx: EmulatorContext, fleetId: string, location?: string): InstanceRecord[] {
  return collections(ctx.store)
    .instances.values()
    .filter((i) => i.FleetId === fleetId && i.Status === "ACTIVE" && (location === undefined || i.Location === location));
}

/** An ACTIVE instance of the fleet location with an idle server process, or `undefined` when full. */
export function findFreeInstance(ctx: EmulatorContext, fleet: FleetRecord, location: string): InstanceRecord | undefined {
  if (fleet.Status !== "ACTIVE" || fleet.locations.find((l) => l.Location === location)?.Status !== "ACTIVE") return undefined;
  const used = sessionsByInstance(ctx, fleet.FleetId);
  const slots = processesPerInstance(fleet);
  return activeInstances(ctx, fleet.FleetId, location).find((i) => (used.get(i.InstanceId) ?? 0) < slots);
}

/** Utilization numbers of a fleet location, as in DescribeFleetUtilization. */
export interface Utilization {
  ActiveServerProcessCount: number;
  ActiveGameSessionCount: number;
  CurrentPlayerSessionCount: number;
  MaximumPlayerSessionCount: number;
}

/** Process, session and player counts of a fleet (all locations, or one). */
export function utilizationOf(ctx: EmulatorContext, fleet: FleetRecord, location?: string): Utilization {
  const cols = collections(ctx.store);
  const sessions = cols.gameSessions
    .values()
    .filter((s) => s.FleetId === fleet.FleetId && s.Status === "ACTIVE" && (location === undefined || s.Location === location));
  const ids = new Set(sessions.map((s) => s.GameSessionId));
  const players = cols.playerSessions
    .values()
    .filter((p) => ids.has(p.GameSessionId) && (p.Status === "RESERVED" || p.Status === "ACTIVE")).length;
  return {
    ActiveServerProcessCount: activeInstances(ctx, fleet.FleetId, location).length * processesPerInstance(fleet),
    ActiveGameSessionCount: sessions.length,
    CurrentPlayerSessionCount: players,
    MaximumPlayerSessionCount: sessions.reduce((n, s) => n + s.MaximumPlayerSessionCount, 0),
  };
}

/**
 * A port for a new game session: the lowest one in the fleet's inbound permissions (22 and 3389
 * excepted) that no live session on this host uses; 7777 upwards when the fleet opens none.
 */
export function allocatePort(ctx: EmulatorContext, fleet: FleetRecord): number {
  const used = new Set(
    collections(ctx.store)
      .gameSessions.values()
      .filter(isLiveSession)
      .map((s) => s.Port),
  );
  for (const p of fleet.InboundPermissions) {
    for (let port = p.FromPort; port <= p.ToPort; port++) {
      if (port !== 22 && port !== 3389 && !used.has(port)) return port;
    }
  }
  let port = 7777;
  while (used.has(port) && port < 60000) port++;
  return port;
}
