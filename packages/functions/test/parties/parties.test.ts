import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiEvent, invoke, type Reply } from "../http/events.js";
import { startStage, type Stage } from "../http/harness.js";

let stage: Stage;
let create: typeof import("../../src/parties/create.js").handler;
let join: typeof import("../../src/parties/join.js").handler;
let getParty: typeof import("../../src/parties/get.js").handler;
let leave: typeof import("../../src/parties/leave.js").handler;
let start: typeof import("../../src/matchmaking/start.js").handler;
let getTicket: typeof import("../../src/matchmaking/get.js").handler;

beforeAll(async () => {
  stage = await startStage();
  ({ handler: create } = await import("../../src/parties/create.js"));
  ({ handler: join } = await import("../../src/parties/join.js"));
  ({ handler: getParty } = await import("../../src/parties/get.js"));
  ({ handler: leave } = await import("../../src/parties/leave.js"));
  ({ handler: start } = await import("../../src/matchmaking/start.js"));
  ({ handler: getTicket } = await import("../../src/matchmaking/get.js"));
});
afterAll(async () => stage.close());

interface PartyBody {
  partyId: string;
  leaderId: string;
  memberIds: string[];
  code: string;
}

const createAs = (sub: string): Promise<Reply> =>
  invoke(create, apiEvent({ method: "POST", path: "/v1/parties", sub, body: {} }));
const joinAs = (sub: string, code: unknown): Promise<Reply> =>
  invoke(join, apiEvent({ method: "POST", path: "/v1/parties/join", sub, body: { code } }));
const getAs = (sub: string, partyId: string): Promise<Reply> =>
  invoke(
    getParty,
    apiEvent({
      method: "GET",
      path: `/v1/parties/${partyId}`,
      route: "/v1/parties/{partyId}",
      pathParameters: { partyId },
      sub,
    }),
  );
const leaveAs = (sub: string, partyId: string): Promise<Reply> =>
  invoke(
    leave,
    apiEvent({
      method: "DELETE",
      path: `/v1/parties/${partyId}/members/me`,
      route: "/v1/parties/{partyId}/members/me",
      pathParameters: { partyId },
      sub,
    }),
  );
const startAs = (sub: string): Promise<Reply> =>
  invoke(start, apiEvent({ method: "POST", path: "/v1/matchmaking", sub, body: {} }));

describe("parties", () => {
  it("makes the creator the leader and gives a join code", async () => {
    const reply = await createAs("lead-1");

    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      leaderId: "lead-1",
      memberIds: ["lead-1"],
      code: expect.stringMatching(/^[A-Z2-9]{8}$/),
      maxSize: 10,
    });
  });

  it("lets a player join with the code (case-insensitive) and shows the party to members only", async () => {
    const party = (await createAs("lead-2")).body as PartyBody;

    const joined = await joinAs("member-2", party.code.toLowerCase());

    expect(joined.status).toBe(200);
    expect((joined.body as PartyBody).memberIds).toEqual(["lead-2", "member-2"]);
    expect((await getAs("member-2", party.partyId)).status).toBe(200);
    const outsider = await getAs("outsider-2", party.partyId);
    const unknown = await getAs("outsider-2", "00000000-0000-4000-8000-000000000000");
    expect(outsider.status).toBe(404);
    expect(outsider.body).toEqual(unknown.body);
  });

  it("answers 404 for a wrong code and writes nothing", async () => {
    const before = await stage.stateItems();

    const reply = await joinAs("guesser", "ZZZZZZZZ");

    expect(reply.status).toBe(404);
    expect(await stage.stateItems()).toEqual(before);
  });

  it("refuses a second party for a player already in one with 409", async () => {
    await createAs("lead-3");
    const reply = await createAs("lead-3");
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ error: { code: "ALREADY_IN_PARTY" } });
  });

  it("holds at most 10 members, even when 12 join at once", async () => {
    const party = (await createAs("lead-4")).body as PartyBody;

    const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => joinAs(`crowd-${i}`, party.code)));

    expect(replies.filter((r) => r.status === 200)).toHaveLength(9);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(3);
    expect(((await getAs("lead-4", party.partyId)).body as PartyBody).memberIds).toHaveLength(10);
  });

  it("hands leadership on when the leader leaves, and deletes the party with its last member", async () => {
    const party = (await createAs("lead-5")).body as PartyBody;
    await joinAs("member-5", party.code);

    expect((await leaveAs("lead-5", party.partyId)).status).toBe(204);
    expect((await getAs("member-5", party.partyId)).body).toMatchObject({
      leaderId: "member-5",
      memberIds: ["member-5"],
    });
    expect((await getAs("lead-5", party.partyId)).status).toBe(404);
    expect((await leaveAs("member-5", party.partyId)).status).toBe(204);

    expect((await getAs("member-5", party.partyId)).status).toBe(404);
    expect((await joinAs("late-5", party.code)).status).toBe(404);
    expect((await createAs("member-5")).status).toBe(201);
  });

  it("refuses to let a non-member leave someone else's party (404)", async () => {
    const party = (await createAs("lead-6")).body as PartyBody;
    expect((await leaveAs("stranger-6", party.partyId)).status).toBe(404);
    expect(((await getAs("lead-6", party.partyId)).body as PartyBody).memberIds).toEqual(["lead-6"]);
  });
});

describe("party matchmaking", () => {
  it("puts every member on the leader's ticket, and a member starting alone meanwhile gets 409", async () => {
    const party = (await createAs("plead")).body as PartyBody;
    await joinAs("pmember", party.code);

    const started = await startAs("plead");
    const { ticketId } = started.body as { ticketId: string };
    const memberView = await invoke(
      getTicket,
      apiEvent({
        method: "GET",
        path: `/v1/matchmaking/${ticketId}`,
        route: "/v1/matchmaking/{ticketId}",
        pathParameters: { ticketId },
        sub: "pmember",
      }),
    );
    const solo = await startAs("pmember");

    expect(started.status).toBe(202);
    expect((await stage.tickets.get(ticketId))?.playerIds).toEqual(["plead", "pmember"]);
    expect(memberView.body).toMatchObject({ ticketId, partyId: party.partyId });
    expect(solo.status).toBe(409);
    expect(solo.body).toMatchObject({ error: { code: "ACTIVE_TICKET_EXISTS", details: { ticketId } } });
  });

  it("starts a solo ticket for a non-leader member when the party has none", async () => {
    const party = (await createAs("plead-2")).body as PartyBody;
    await joinAs("pmember-2", party.code);

    const reply = await startAs("pmember-2");

    expect(reply.status).toBe(202);
    expect((await stage.tickets.get((reply.body as { ticketId: string }).ticketId))?.playerIds).toEqual(["pmember-2"]);
    expect((await startAs("plead-2")).status).toBe(409);
  });
});
