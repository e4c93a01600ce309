import type { Player } from "./types.js";

/** A profile as its owner sees it. */
export interface PlayerView {
  readonly playerId: string;
  readonly skill: number;
  readonly preferences: Readonly<Record<string, unknown>>;
  readonly partyId?: string;
  readonly activeTicketId?: string;
  readonly createdAt: string;
}

/** The owner's view of a profile. */
export function playerView(player: Player): PlayerView {
  return {
    playerId: player.playerId,
    skill: player.skill,
    preferences: player.preferences,
    ...(player.partyId === undefined ? {} : { partyId: player.partyId }),
    ...(player.activeTicketId === undefined ? {} : { activeTicketId: player.activeTicketId }),
    createdAt: new Date(player.createdAt).toISOString(),
  };
}
