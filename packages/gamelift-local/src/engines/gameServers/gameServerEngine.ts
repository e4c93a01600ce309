import type { EmulatorContext, GameServerBehaviour } from "../context.js";
import type { Engine } from "../Engine.js";
import { seededRandom } from "../flexmatch/random.js";
import { openTicket } from "../matchmaking/control.js";
import { putSession, sessionRecord } from "../matchmaking/sessions.js";
import { collections } from "../state/collections.js";
import { endGameSession } from "../sessions/gameSessions.js";
import { settingsOf } from "../settings.js";
import type { FleetRecord, GameSessionRecord, PlayerSessionRecord } from "../state/records.js";

/** The game server behaviour of a fleet: by name, then id, then the emulator-wide one. */
function behaviourOf(
  ctx: EmulatorContext,
  fleet: Pick<FleetRecord, "FleetId" | "Name">,
): GameServerBehaviour | undefined {
  const s = settingsOf(ctx);
  return s.gameServersByFleet?.[fleet.Name] ?? s.gameServersByFleet?.[fleet.FleetId] ?? s.gameServers;
}

/** A number in [0, 1) fixed by the id and purpose (FNV-1a into mulberry32): runs repeat, draws differ per id. */
function drawFor(id: string, purpose: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${purpose}:${id}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return seededRandom(h)();
}

/** Match length of a game session in ms, drawn uniformly in [min, max] seconds. */
function matchLengthMs(behaviour: GameServerBehaviour, gameSessionId: string): number {
  const { min, max } = behaviour.matchSeconds;
  return Math.round((min + drawFor(gameSessionId, "match") * (max - min)) * 1000);
}

/** When a player leaves early, or `null` when they stay to the end. */
function leaveTime(behaviour: GameServerBehaviour, p: PlayerSessionRecord, endAt: number): number | null {
  const share = behaviour.leaveShare ?? 0;
  if (share <= 0 || drawFor(p.PlayerSessionId, "leaves") >= share || endAt <= p.CreationTime) return null;
  return p.CreationTime + Math.floor(drawFor(p.PlayerSessionId, "leaveAt") * (endAt - p.CreationTime));
}

/**
 * What the game server does when players drop out of a FlexMatch game whose configuration has
 * BackfillMode AUTOMATIC. GameLift's automatic backfill only fills sessions that *start* short
 * (FlexMatch guide, "Backfill existing games"); for dropouts the guide has the game server send
 * StartMatchBackfill with the players still in the game. The emulated server does that: the
 * leavers go from the session's matched players and a backfill ticket asks for their seats.
 */
async function backfillLeavers(
  ctx: EmulatorContext,
  session: GameSessionRecord,
  leavers: ReadonlySet<string>,
): Promise<void> {
  const record = sessionRecord(ctx, session.GameSessionId);
  if (!record || record.autoBackfillStopped) return;
  const config = collections(ctx.store).matchmakingConfigurations.get(record.configurationName);
  if (config?.BackfillMode !== "AUTOMATIC" || config.FlexMatchMode !== "WITH_QUEUE") return;
  const teams = record.teams.map((t) => ({ ...t, players: t.players.filter((p) => !leavers.has(p.PlayerId)) }));
  const players = teams.flatMap((t) => t.players.map((p) => ({ ...structuredClone(p), Team: t.name })));
  if (players.length === record.teams.reduce((n, t) => n + t.players.length, 0)) return; // none of the matched players left
  putSession(ctx, { ...record, teams });
  if (players.length === 0) return;
  await openTicket(ctx, { config, players, backfill: { gameSessionArn: session.GameSessionId, auto: false } });
}

/**
 * The emulated game servers (fleets with a {@link GameServerBehaviour}): players who were given a
 * player session connect (RESERVED → ACTIVE); a match runs for its drawn length, then the server
 * process ends the game session (TERMINATED, player sessions COMPLETED, the process slot free);
 * some players leave early (their player session COMPLETED, a seat free, and a backfill request
 * for it when the matchmaker uses AUTOMATIC backfill).
 */
export const gameServerEngine: Engine = {
  async tick(ctx) {
    const cols = collections(ctx.store);
    if (!settingsOf(ctx).gameServers && !settingsOf(ctx).gameServersByFleet) return;
    const now = ctx.clock.now();
    const behaviours = new Map<string, GameServerBehaviour | undefined>();
    for (const fleet of cols.fleets.each()) behaviours.set(fleet.FleetId, behaviourOf(ctx, fleet));
    const leaversBySession = new Map<GameSessionRecord, Set<string>>();
    for (const s of cols.gameSessions.each()) {
      if (s.Status !== "ACTIVE") continue;
      const behaviour = behaviours.get(s.FleetId);
      if (!behaviour) continue;
      s.endAt ??= Math.max(s.activateAt, s.CreationTime) + matchLengthMs(behaviour, s.GameSessionId);
      if (now >= s.endAt) {
        endGameSession(ctx, s, undefined);
        continue;
      }
      for (const id of s.playerSessionIds ?? []) {
        const p = cols.playerSessions.get(id);
        if (p?.Status !== "RESERVED" && p?.Status !== "ACTIVE") continue;
        if (p.Status === "RESERVED") p.Status = "ACTIVE"; // the player's client connected
        if (p.leaveAt === undefined) p.leaveAt = leaveTime(behaviour, p, s.endAt);
        if (p.leaveAt !== null && p.leaveAt <= now) {
          Object.assign(p, { Status: "COMPLETED", TerminationTime: now });
          const set = leaversBySession.get(s) ?? new Set<string>();
          set.add(p.PlayerId);
          leaversBySession.set(s, set);
        }
      }
    }
    for (const [session, leavers] of leaversBySession) await backfillLeavers(ctx, session, leavers);
  },
};
