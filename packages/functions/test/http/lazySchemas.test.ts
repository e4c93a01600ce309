/**
 * Handlers take their schemas as memoised builders, built on the first request (a cold import
 * builds none). Laziness must not change what a caller sees: the first request to a freshly loaded
 * handler and every later one get the same 400 body, and a valid request passes validation — through
 * the real handlers against DynamoDB Local and the GameLift emulator.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as z from "zod/mini";
import { validation } from "../../src/http/middleware/validation.js";
import type { HttpEvent } from "../../src/http/types.js";
import { apiEvent, invoke } from "./events.js";
import { startStage, type Stage } from "./harness.js";

let stage: Stage;
let accept: typeof import("../../src/matchmaking/accept.js").handler;

beforeAll(async () => {
  stage = await startStage();
  ({ handler: accept } = await import("../../src/matchmaking/accept.js"));
});
afterAll(async () => stage.close());

const acceptEvent = (ticketId: string, body: unknown) =>
  apiEvent({
    method: "POST",
    path: `/v1/matchmaking/${ticketId}/accept`,
    route: "/v1/matchmaking/{ticketId}/accept",
    pathParameters: { ticketId },
    sub: "lazy-player",
    body,
  });

describe("schemas built on the first request", () => {
  it("answers a malformed first request and a later one with the same 400 body", async () => {
    const first = await invoke(accept, acceptEvent("bad id!", { accept: "yes", extra: 1 }));
    expect(first.status).toBe(400);
    expect(first.body).toMatchObject({
      error: {
        code: "VALIDATION_FAILED",
        details: {
          issues: [
            { field: "params.ticketId", message: "must be a ticket id" },
            { field: "body.accept" },
            { field: "body.extra", message: "is not an accepted field" },
          ],
        },
      },
    });
    const later = await invoke(accept, acceptEvent("bad id!", { accept: "yes", extra: 1 }));
    expect(later).toEqual(first);
  });

  it("validates with the same schemas after a valid request (404: no such ticket)", async () => {
    const ok = await invoke(accept, acceptEvent("no-such-ticket", { accept: true }));
    expect(ok.status).toBe(404);
    const bad = await invoke(accept, acceptEvent("no-such-ticket", { accept: 1 }));
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: "VALIDATION_FAILED" } });
  });
});

describe("validation middleware with a schema builder", () => {
  it("builds each part's schema once, on the first request, and keeps it", async () => {
    const build = vi.fn(() => z.object({ id: z.string().check(z.minLength(2)) }));
    const middleware = validation({ params: build });
    expect(build).not.toHaveBeenCalled();
    const run = (id: string): HttpEvent => {
      const event = { pathParameters: { id } } as unknown as HttpEvent;
      middleware.before?.({ event } as never);
      return event;
    };
    expect(run("ab").input?.params).toEqual({ id: "ab" });
    expect(() => run("a")).toThrow(/^params\.id: /);
    expect(run("cd").input?.params).toEqual({ id: "cd" });
    expect(build).toHaveBeenCalledTimes(1);
  });
});
