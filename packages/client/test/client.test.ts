import { routes } from "@matchplace/functions/routes";
import { describe, expect, it } from "vitest";
import { createClient } from "../src/client.js";

/** Every request the client sends, answered with an empty 200 (the client's own `fetch` seam). */
function recordingClient(): { api: ReturnType<typeof createClient>; sent: string[] } {
  const sent: string[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    sent.push(`${init.method} ${url.replace("http://api.test", "")}`);
    return new Response("{}", { status: 200 });
  }) as typeof globalThis.fetch;
  return { api: createClient({ baseUrl: "http://api.test/", token: "t", fetch }), sent };
}

describe("createClient takes method and path from the route table", () => {
  it("sends each operation to its route, path parameters URI-encoded", async () => {
    const { api, sent } = recordingClient();
    const id = "a/b c?";
    await api.health();
    await api.openapi();
    await api.getMe();
    await api.updateMe({ preferences: {} });
    await api.createParty();
    await api.joinParty("CODE");
    await api.getParty(id);
    await api.leaveParty(id);
    await api.startMatchmaking();
    await api.getCurrentTicket();
    await api.getTicket(id);
    await api.getTicketIfChanged(id, '"e"');
    await api.acceptMatch(id, true);
    await api.stopMatchmaking(id);
    await api.startPlacement({ maximumPlayerSessionCount: 2 });
    await api.getPlacement(id);
    await api.getPlacementIfChanged(id);
    await api.stopPlacement(id);

    const expected = (operationId: string): string => {
      const route = routes.find((r) => r.operationId === operationId);
      if (!route) throw new Error(operationId);
      return `${route.method} ${route.path.replace(/\{\w+\}/g, encodeURIComponent(id))}`;
    };
    expect(sent).toEqual(
      [
        "getHealth",
        "getOpenApi",
        "getMe",
        "updateMe",
        "createParty",
        "joinParty",
        "getParty",
        "leaveParty",
        "startMatchmaking",
        "getCurrentTicket",
        "getTicket",
        "getTicket",
        "acceptMatch",
        "stopMatchmaking",
        "startPlacement",
        "getPlacement",
        "getPlacement",
        "stopPlacement",
      ].map(expected),
    );
    // Every client route is reachable through the typed client.
    const called = new Set(sent);
    for (const r of routes.filter((r) => r.auth !== "iam"))
      expect(called.has(expected(r.operationId)), r.operationId).toBe(true);
  });
});
