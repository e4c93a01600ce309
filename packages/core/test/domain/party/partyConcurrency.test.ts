/** The party use cases over the real repositories on DynamoDB Local, where concurrent writes really race. */
import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { PartyRepository, PlayerRepository } from "../../../src/adapters/dynamo/index.js";
import { createParty, joinParty, leaveParty, readParty, type PartyDeps } from "../../../src/domain/party/service.js";
import { ConflictError, NotFoundError } from "../../../src/errors.js";
import { createTestTable } from "../../adapters/dynamo/tableFixture.js";

let deps: PartyDeps;
let players: PlayerRepository;

beforeAll(async () => {
  const table = await createTestTable("party-races");
  const options = { client: table.doc, tableName: table.tableName };
  players = new PlayerRepository(options);
  deps = {
    parties: new PartyRepository(options),
    players,
    clock: { now: () => 1_000 },
    newId: () => `party-${randomUUID()}`,
    randomBytes: (n) => new Uint8Array(randomBytes(n)),
  };
});

const settle = <T>(ps: Promise<T>[]) => Promise.allSettled(ps);
const codes = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === "fulfilled" ? "ok" : (r.reason as ConflictError).code)).sort();

describe("parties under concurrent requests", () => {
  it("lets a player create only one party when two creates race", async () => {
    const results = await settle([createParty(deps, "racer"), createParty(deps, "racer")]);

    expect(codes(results)).toEqual(["ALREADY_IN_PARTY", "ok"]);
    expect((await players.get("racer"))?.partyId).toBe(
      (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ partyId: string }>).value.partyId,
    );
  });

  it("admits exactly the free places when more players join at once than fit", async () => {
    const party = await createParty(deps, "host");
    const joiners = Array.from({ length: 10 }, (_, i) => `joiner-${i}`);

    const results = await settle(joiners.map((p) => joinParty(deps, p, party.code)));

    expect(codes(results).filter((c) => c === "ok")).toHaveLength(9);
    expect(codes(results).filter((c) => c !== "ok")).toEqual(["PARTY_FULL"]);
    expect((await readParty(deps, "host", party.partyId)).memberIds).toHaveLength(10);
  });

  it("refuses to add a player who is in another party", async () => {
    const mine = await createParty(deps, "owner-a");
    await createParty(deps, "owner-b");

    await expect(joinParty(deps, "owner-b", mine.code)).rejects.toMatchObject({ code: "ALREADY_IN_PARTY" });
    await expect(joinParty(deps, "owner-b", "ZZZZZZZZ")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets members leave at the same time; the last one out ends the party", async () => {
    const party = await createParty(deps, "lead");
    for (const p of ["m1", "m2"]) await joinParty(deps, p, party.code);

    const results = await settle(["m1", "m2"].map((p) => leaveParty(deps, p, party.partyId)));
    await leaveParty(deps, "lead", party.partyId);

    expect(codes(results)).toEqual(["ok", "ok"]);
    await expect(readParty(deps, "lead", party.partyId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await players.get("m1"))?.partyId).toBeUndefined();
    expect((await players.get("lead"))?.partyId).toBeUndefined();
  });

  it("answers NotFound to a player leaving a party they are not in", async () => {
    const party = await createParty(deps, "alone");

    await expect(leaveParty(deps, "outsider", party.partyId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("gives up with CONFLICT when every join code it draws is taken", async () => {
    const sameCode = { ...deps, randomBytes: () => new TextEncoder().encode("") };
    const fixed = await createParty(sameCode, "fixed-code-owner");

    await expect(createParty(sameCode, "unlucky")).rejects.toSatisfy(
      (err: unknown) => err instanceof ConflictError && err.code === "CONFLICT",
    );
    expect(fixed.code).toBe("AAAAAAAA");
    expect((await players.get("unlucky"))?.partyId).toBeUndefined();
  });
});
