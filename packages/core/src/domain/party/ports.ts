import type { Party } from "./types.js";

/** Party storage (the DynamoDB PartyRepository implements it); writes throw ConflictError codes. */
export interface PartyPort {
  get(partyId: string): Promise<Party | undefined>;
  partyIdByCode(code: string): Promise<string | undefined>;
  create(party: Party): Promise<void>;
  addMember(party: Party, playerId: string, now: number): Promise<void>;
  removeMember(party: Party, playerId: string, next: Party | undefined, now: number): Promise<void>;
}
