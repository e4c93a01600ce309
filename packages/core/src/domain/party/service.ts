import type { Clock } from "../clock.js";
import { ConflictError, NotFoundError } from "../../errors.js";
import type { PlayerPort } from "../player/ports.js";
import type { PartyPort } from "./ports.js";
import { isMember, MAX_PARTY_SIZE, partyCode, PARTY_CODE_LENGTH, withoutMember, type Party } from "./types.js";

/** Dependencies of the party use cases. */
export interface PartyDeps {
  readonly parties: PartyPort;
  readonly players: Pick<PlayerPort, "getOrCreate">;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly randomBytes: (n: number) => Uint8Array;
}

const RETRIES = 5;

function conflictCode(err: unknown): string | undefined {
  return err instanceof ConflictError ? err.code : undefined;
}

/**
 * Creates a party led by the caller, with a fresh join code.
 * @throws ConflictError `ALREADY_IN_PARTY` (details.partyId) when the caller is in one.
 */
export async function createParty(deps: PartyDeps, playerId: string): Promise<Party> {
  const player = await deps.players.getOrCreate(playerId, deps.clock.now());
  if (player.partyId !== undefined) {
    throw new ConflictError("ALREADY_IN_PARTY", "Leave your party first", { details: { partyId: player.partyId } });
  }
  for (let attempt = 0; attempt < RETRIES; attempt += 1) {
    const now = deps.clock.now();
    const party: Party = {
      partyId: deps.newId(),
      leaderId: playerId,
      memberIds: [playerId],
      code: partyCode(deps.randomBytes(PARTY_CODE_LENGTH)),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await deps.parties.create(party);
      return party;
    } catch (err) {
      if (conflictCode(err) === "CODE_TAKEN") continue;
      if (conflictCode(err) === "ALREADY_IN_PARTY")
        throw new ConflictError("ALREADY_IN_PARTY", "Leave your party first", { cause: err });
      throw err;
    }
  }
  throw new ConflictError("CONFLICT", "Could not reserve a join code; retry");
}

/**
 * Joins the party a code names; joining one's own party again is a no-op.
 * @throws NotFoundError for an unknown code; ConflictError `PARTY_FULL` or `ALREADY_IN_PARTY`.
 */
export async function joinParty(deps: PartyDeps, playerId: string, code: string): Promise<Party> {
  const partyId = await deps.parties.partyIdByCode(code);
  for (let attempt = 0; attempt < RETRIES && partyId !== undefined; attempt += 1) {
    const party = await deps.parties.get(partyId);
    if (!party) break;
    if (isMember(party, playerId)) return party;
    if (party.memberIds.length >= MAX_PARTY_SIZE) {
      throw new ConflictError("PARTY_FULL", `A party has at most ${MAX_PARTY_SIZE} members`);
    }
    const now = deps.clock.now();
    try {
      await deps.parties.addMember(party, playerId, now);
      return { ...party, memberIds: [...party.memberIds, playerId], version: party.version + 1, updatedAt: now };
    } catch (err) {
      if (conflictCode(err) === "PARTY_CHANGED") continue;
      if (conflictCode(err) === "ALREADY_IN_PARTY")
        throw new ConflictError("ALREADY_IN_PARTY", "Leave your party first", { cause: err });
      throw err;
    }
  }
  if (partyId === undefined) throw new NotFoundError("No party with this code");
  throw new ConflictError("CONFLICT", "The party changed concurrently; retry");
}

/**
 * A party the caller belongs to.
 * @throws NotFoundError when unknown or when the caller is not a member (no existence leak).
 */
export async function readParty(deps: Pick<PartyDeps, "parties">, playerId: string, partyId: string): Promise<Party> {
  const party = await deps.parties.get(partyId);
  if (!party || !isMember(party, playerId)) throw new NotFoundError("No such party");
  return party;
}

/**
 * Leaves a party; the next member leads when the leader leaves, and the last one out deletes it.
 * @throws NotFoundError when the caller is not a member.
 */
export async function leaveParty(deps: PartyDeps, playerId: string, partyId: string): Promise<void> {
  for (let attempt = 0; attempt < RETRIES; attempt += 1) {
    const party = await readParty(deps, playerId, partyId);
    const now = deps.clock.now();
    try {
      await deps.parties.removeMember(party, playerId, withoutMember(party, playerId, now), now);
      return;
    } catch (err) {
      if (conflictCode(err) === "PARTY_CHANGED") continue;
      if (conflictCode(err) === "NOT_IN_PARTY") throw new NotFoundError("No such party", { cause: err });
      throw err;
    }
  }
  throw new ConflictError("CONFLICT", "The party changed concurrently; retry");
}

/** A party as its members see it. */
export function partyView(party: Party): {
  partyId: string;
  leaderId: string;
  memberIds: string[];
  code: string;
  maxSize: typeof MAX_PARTY_SIZE;
  createdAt: string;
  version: number;
} {
  return {
    partyId: party.partyId,
    leaderId: party.leaderId,
    memberIds: [...party.memberIds],
    code: party.code,
    maxSize: MAX_PARTY_SIZE,
    createdAt: new Date(party.createdAt).toISOString(),
    version: party.version,
  };
}
