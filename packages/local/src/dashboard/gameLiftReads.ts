import {
  DescribeFleetLocationAttributesCommand,
  DescribeFleetLocationCapacityCommand,
  DescribeFleetLocationUtilizationCommand,
  DescribeGameSessionsCommand,
  DescribeMatchmakingCommand,
  ListFleetsCommand,
  type AttributeValue,
  type GameLiftClient,
} from "@aws-sdk/client-gamelift";
import type { CapacitySnapshot } from "./DashboardModel.js";
import type { FleetView, GameSessionView } from "./types.js";

/**
 * Reads every fleet location's capacity and utilisation (the home location and each remote one) and
 * the fleets' game sessions through the unchanged GameLift SDK, as an operator's console would. A
 * failed call (the emulator may be throttling on purpose) rejects; the caller keeps the last snapshot.
 */
export async function readCapacity(gl: GameLiftClient): Promise<CapacitySnapshot> {
  const fleetIds = (await gl.send(new ListFleetsCommand({}))).FleetIds ?? [];
  const perFleet = await Promise.all(
    fleetIds.map(async (FleetId) => {
      const [attributes, sessions] = await Promise.all([
        gl.send(new DescribeFleetLocationAttributesCommand({ FleetId })),
        gl.send(new DescribeGameSessionsCommand({ FleetId, Limit: 100 })),
      ]);
      const locations = (attributes.LocationAttributes ?? []).flatMap((a) =>
        a.LocationState?.Location ? [a.LocationState.Location] : [],
      );
      const fleets = await Promise.all(locations.map((Location) => readLocation(gl, FleetId, Location)));
      return { fleets, sessions: sessions.GameSessions ?? [] };
    }),
  );
  const gameSessions = perFleet.flatMap((f) =>
    f.sessions.map(
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
  return { fleets: perFleet.flatMap((f) => f.fleets), gameSessions };
}

async function readLocation(gl: GameLiftClient, FleetId: string, Location: string): Promise<FleetView> {
  const [capacity, utilisation] = await Promise.all([
    gl.send(new DescribeFleetLocationCapacityCommand({ FleetId, Location })),
    gl.send(new DescribeFleetLocationUtilizationCommand({ FleetId, Location })),
  ]);
  const c = capacity.FleetCapacity;
  const u = utilisation.FleetUtilization;
  return {
    fleetId: FleetId,
    location: Location,
    desired: c?.InstanceCounts?.DESIRED ?? 0,
    active: c?.InstanceCounts?.ACTIVE ?? 0,
    idle: c?.InstanceCounts?.IDLE ?? 0,
    pending: c?.InstanceCounts?.PENDING ?? 0,
    activeGameSessions: u?.ActiveGameSessionCount ?? 0,
    currentPlayers: u?.CurrentPlayerSessionCount ?? 0,
    maxPlayers: u?.MaximumPlayerSessionCount ?? 0,
  };
}

/** The players' matchmaking attributes of some tickets (DescribeMatchmaking, 10 tickets a call), as text per player. */
export async function readPlayerAttributes(
  gl: GameLiftClient,
  ticketIds: readonly string[],
): Promise<Map<string, string>> {
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
  if (v.SDM !== undefined)
    return Object.entries(v.SDM)
      .map(([k, n]) => `${k}:${n}`)
      .join("/");
  return "?";
}
