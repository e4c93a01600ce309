/**
 * A party (pk `PARTY#<partyId>`, sk `PARTY`): players who matchmake together. Its join code is
 * reserved by an item `PARTYCODE#<code>`.
 */

/** Most members a party may have. */
export const MAX_PARTY_SIZE = 10;

/** A party. */
export interface Party {
  readonly partyId: string;
  readonly leaderId: string;
  /** Members in join order; the leader is one of them. */
  readonly memberIds: readonly string[];
  /** The join code other players use. */
  readonly code: string;
  /** Incremented on every membership change (optimistic locking). */
  readonly version: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** Alphabet of join codes: no 0/O/1/I to keep them readable aloud. */
export const PARTY_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** Length of a join code. */
export const PARTY_CODE_LENGTH = 8;

/**
 * A join code from random bytes (passed in, so the domain stays pure).
 * @example partyCode(new Uint8Array(8)) // "AAAAAAAA"
 */
export function partyCode(randomBytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < PARTY_CODE_LENGTH; i += 1) {
    out += PARTY_CODE_ALPHABET[(randomBytes[i] ?? 0) % PARTY_CODE_ALPHABET.length];
  }
  return out;
}

/** True when `playerId` is a member. */
export function isMember(party: Party, playerId: string): boolean {
  return party.memberIds.includes(playerId);
}

/**
 * The party after `playerId` leaves: the next member leads when the leader leaves; `undefined`
 * when nobody is left.
 */
export function withoutMember(party: Party, playerId: string, now: number): Party | undefined {
  const memberIds = party.memberIds.filter((id) => id !== playerId);
  const leaderId = party.leaderId === playerId ? memberIds[0] : party.leaderId;
  if (leaderId === undefined) return undefined;
  return { ...party, memberIds, leaderId, version: party.version + 1, updatedAt: now };
}
