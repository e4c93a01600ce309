import { describe, expect, it } from "vitest";
import {
  isMember,
  partyCode,
  PARTY_CODE_ALPHABET,
  withoutMember,
  type Party,
} from "../../../src/domain/party/types.js";
import { createParty, joinParty, leaveParty, readParty, type PartyDeps } from "../../../src/domain/party/service.js";
import type { PartyPort } from "../../../src/domain/party/ports.js";
import { ConflictError, NotFoundError } from "../../../src/errors.js";
import { newPlayer } from "../../../src/domain/player/types.js";

const party: Party = {
  partyId: "p1",
  leaderId: "a",
  memberIds: ["a", "b", "c"],
  code: "ABCDEFGH",
  version: 3,
  createdAt: 0,
  updatedAt: 0,
};

describe("party rules", () => {
  it("makes join codes from the readable alphabet", () => {
    const code = partyCode(new Uint8Array([0, 1, 2, 31, 32, 255, 7, 8]));
    expect(code).toHaveLength(8);
    for (const ch of code) expect(PARTY_CODE_ALPHABET).toContain(ch);
  });

  it("hands leadership to the next member when the leader leaves", () => {
    expect(withoutMember(party, "a", 5)).toMatchObject({
      leaderId: "b",
      memberIds: ["b", "c"],
      version: 4,
      updatedAt: 5,
    });
  });

  it("keeps the leader when another member leaves, and ends with the last member", () => {
    expect(withoutMember(party, "c", 5)).toMatchObject({ leaderId: "a", memberIds: ["a", "b"] });
    expect(withoutMember({ ...party, memberIds: ["a"] }, "a", 5)).toBeUndefined();
    expect(isMember(party, "b")).toBe(true);
    expect(isMember(party, "z")).toBe(false);
  });
});

/** An in-memory PartyPort with the repository's conflict semantics. */
function memoryParties(): PartyPort & {
  codes: Map<string, string>;
  byId: Map<string, Party>;
  memberOf: Map<string, string>;
} {
  const byId = new Map<string, Party>();
  const codes = new Map<string, string>();
  const memberOf = new Map<string, string>();
  return {
    byId,
    codes,
    memberOf,
    get: async (id) => byId.get(id),
    partyIdByCode: async (code) => codes.get(code),
    create: async (p) => {
      if (codes.has(p.code)) throw new ConflictError("CODE_TAKEN", "taken");
      if (memberOf.has(p.leaderId)) throw new ConflictError("ALREADY_IN_PARTY", "in one");
      byId.set(p.partyId, p);
      codes.set(p.code, p.partyId);
      memberOf.set(p.leaderId, p.partyId);
    },
    addMember: async (p, playerId, now) => {
      if (memberOf.has(playerId)) throw new ConflictError("ALREADY_IN_PARTY", "in one");
      const cur = byId.get(p.partyId);
      if (!cur || cur.memberIds.length >= 10 || cur.memberIds.includes(playerId))
        throw new ConflictError("PARTY_CHANGED", "changed");
      byId.set(p.partyId, {
        ...cur,
        memberIds: [...cur.memberIds, playerId],
        version: cur.version + 1,
        updatedAt: now,
      });
      memberOf.set(playerId, p.partyId);
    },
    removeMember: async (p, playerId, next) => {
      if (byId.get(p.partyId)?.version !== p.version) throw new ConflictError("PARTY_CHANGED", "changed");
      if (next) byId.set(p.partyId, next);
      else {
        byId.delete(p.partyId);
        codes.delete(p.code);
      }
      memberOf.delete(playerId);
    },
  };
}

function deps(parties: ReturnType<typeof memoryParties>, bytes: number[][] = []): PartyDeps {
  let id = 0;
  return {
    parties,
    players: {
      getOrCreate: async (playerId) => ({
        ...newPlayer(playerId, 0),
        ...(parties.memberOf.has(playerId) ? { partyId: parties.memberOf.get(playerId) } : {}),
      }),
    },
    clock: { now: () => 1000 },
    newId: () => `party-${++id}`,
    randomBytes: (n) => new Uint8Array(bytes.shift() ?? Array.from({ length: n }, (_, i) => i + id)),
  };
}

describe("party use cases", () => {
  it("retries with a new code when the first is taken", async () => {
    const parties = memoryParties();
    parties.codes.set(partyCode(new Uint8Array(8)), "other");
    const created = await createParty(
      deps(parties, [
        [0, 0, 0, 0, 0, 0, 0, 0],
        [1, 1, 1, 1, 1, 1, 1, 1],
      ]),
      "lead",
    );
    expect(created.code).toBe(partyCode(new Uint8Array(8).fill(1)));
  });

  it("refuses an 11th member with PARTY_FULL", async () => {
    const parties = memoryParties();
    const d = deps(parties);
    const p = await createParty(d, "m0");
    for (let i = 1; i < 10; i += 1) await joinParty(d, `m${i}`, p.code);
    await expect(joinParty(d, "m10", p.code)).rejects.toMatchObject({ code: "PARTY_FULL" });
  });

  it("treats joining one's own party again as a no-op, and hides parties from non-members", async () => {
    const parties = memoryParties();
    const d = deps(parties);
    const p = await createParty(d, "x");
    expect((await joinParty(d, "x", p.code)).memberIds).toEqual(["x"]);
    await expect(readParty(d, "y", p.partyId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(leaveParty(d, "y", p.partyId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(joinParty(d, "y", "NOPENOPE")).rejects.toBeInstanceOf(NotFoundError);
  });
});
