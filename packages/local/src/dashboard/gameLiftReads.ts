import {
  DescribeFleetCapacityCommand,
  DescribeFleetUtilizationCommand,
  DescribeGameSessionsCommand,
  DescribeMatchmakingCommand,
  ListFleetsCommand,
  type AttributeValue,
  type GameLiftClient,
} from "@aws-sdk/client-gamelift";
import type { CapacitySnapshot } from "./DashboardModel.js";
import type { FleetView, GameSessionView } from "./types.js";

/**
 * Reads every fleet's capacity and utilisation per location and its game sessions through the
 * unchanged GameLift SDK, as an operator's console would. A failed call (the emulator may be
 * throttling on purpose) rejects; the caller keeps the last snapshot.
 */
export async function readCapacity(gl: GameLiftClient): Promise<CapacitySnapshot> {
  const fleetIds = (await gl.send(new ListFleetsCommand({}))).FleetIds ?? [];
  if (fleetIds.length === 0) return { fleets: [], gameSessions: [] };
  const [capacity, utilisation, ...sessions] = await Promise.all([
    gl.send(new DescribeFleetCapacityCommand({ FleetIds: fleetIds })),
    gl.send(new DescribeFleetUtilizationCommand({ FleetIds: fleetIds })),
    ...fleetIds.map((FleetId) => gl.send(new DescribeGameSessionsCommand({ FleetId, Limit: 100 }))),
  ]);
  const fleets = (capacity.FleetCapacity ?? []).map((c): FleetView => {
    const u = utilisation.FleetUtilization?.find((x) => x.FleetId === c.FleetId && (x.Location ?? c.Location) === c.Location);
    return {
      fleetId: c.FleetId ?? "",
      location: c.Location ?? "",
      desired: c.InstanceCounts?.DESIRED ?? 0,
      active: c.InstanceCounts?.ACTIVE ?? 0,
      idle: c.InstanceCounts?.IDLE ?? 0,
      pending: c.InstanceCounts?.PENDING ?? 0,
      activeGameSessions: u?.ActiveGameSessionCount ?? 0,
      currentPlayers: u?.CurrentPlayerSessionCount ?? 0,
      maxPlayers: u?.MaximumPlayerSessionCount ?? 0,
    };
  });
  const gameSessions = sessions.flatMap((page) =>
    (page.GameSessions ?? []).map(
      (s): GameSessionView => ({
        gameSessionId: s.GameSessionId ?? "",
        fleetId: s.FleetId ?? "",
        location: s.Location ?? "",
        status: s.Status ?? "",
        players: s.CurrentPlayerSessionCount ?? 0,
        maxPlayers: s.MaximumPlayerSessionCount ?? 0,
        address: `${s.IpAddress ?? ""}:${s.Port ?? ""}`,
      }),
    ),
  );
  return { fleets, gameSessions };
}

/** The players' matchmaking attributes of some tickets (DescribeMatchmaking, 10 tickets a call), as text per player. */
export async function readPlayerAttributes(gl: GameLiftClient, ticketIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ticketIds.length; i += 10) {
    const page = await gl.send(new DescribeMatchmakingCommand({ TicketIds: ticketIds.slice(i, i + 10) }));
    for (const ticket of page.TicketList ?? []) {
      for (const p of ticket.Players ?? []) {
        if (!p.PlayerId) continue;
        const attrs = Object.entries(p.PlayerAttributes ?? {}).map(([name, v]) => `${name} ${attributeText(v)}`);
        out.set(p.PlayerId, attrs.join(", ") || "(none)");
      }
    }
  }
  return out;
}

function attributeText(v: AttributeValue): string {
  if (v.N !== undefined) return String(v.N);
  if (v.S !== undefined) return v.S;
  if (v.SL !== undefined) return v.SL.join("/");
  if (v.SDM !== undefined) return Object.entries(v.SDM).map(([k, n]) => `${k}:${n}`).join("/");
  return "?";
}
