/**
 * Property-based fuzz of every route: malformed bodies, content types, headers, path parameters and
 * callers. Whatever arrives, the answer is never 5xx, and a refused request (4xx) leaves the table's
 * state as it was (per-player rate-limit counters aside: they count refused requests on purpose).
 */
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routes, type RouteDefinition } from "../../src/routes.js";
import { apiEvent, invoke } from "./events.js";
import { startStage, type Stage } from "./harness.js";

type Handler = Parameters<typeof invoke>[0];

let stage: Stage;
const handlers = new Map<string, Handler>();
/** Real ids owned by fuzz-a, so fuzzed requests also reach past validation (and fuzz-b probes ownership). */
const known: string[] = [];
const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

beforeAll(async () => {
  stage = await startStage();
  for (const r of routes) {
    const dot = r.handler.lastIndexOf(".");
    const mod = (await import(`${repoRoot}${r.handler.slice(0, dot)}.ts`)) as Record<string, Handler>;
    const fn = mod[r.handler.slice(dot + 1)];
    if (!fn) throw new Error(`no handler for ${r.handler}`);
    handlers.set(`${r.method} ${r.path}`, fn);
  }
  const call = async (key: string, body: unknown): Promise<Record<string, string>> =>
    (
      await invoke(
        handlers.get(key) as Handler,
        apiEvent({ method: key.split(" ")[0] ?? "", path: key.split(" ")[1] ?? "", sub: "fuzz-a", body }),
      )
    ).body as Record<string, string>;
  known.push((await call("POST /v1/matchmaking", {}))["ticketId"] ?? "");
  known.push((await call("POST /v1/parties", {}))["partyId"] ?? "");
  known.push((await call("POST /v1/placements", { maximumPlayerSessionCount: 2 }))["placementId"] ?? "");
});
afterAll(async () => stage.close());

const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 64 }),
  fc.constantFrom(
    "",
    " ",
    "../../etc/passwd",
    "%00",
    "a".repeat(300),
    "TICKET#x",
    "😀",
    "null",
    "{}",
    "-1",
    "PARTYCODE#AAAA",
  ),
);

const body = fc.oneof(
  fc.constant(undefined),
  weirdString,
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        configuration: fc.oneof(fc.constant("arena"), weirdString, fc.integer()),
        latencyInMs: fc.oneof(
          fc.dictionary(weirdString, fc.oneof(fc.integer(), fc.double(), weirdString)),
          fc.constant(null),
        ),
        attributes: fc.oneof(fc.dictionary(fc.constantFrom("mode", "skill", "x"), fc.jsonValue()), fc.constant([])),
        accept: fc.oneof(fc.boolean(), weirdString),
        code: weirdString,
        preferences: fc.dictionary(weirdString, fc.jsonValue()),
        maximumPlayerSessionCount: fc.oneof(fc.integer(), fc.double(), weirdString),
        gameProperties: fc.dictionary(weirdString, fc.oneof(weirdString, fc.integer())),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.constant("x".repeat(20_000)),
);

const request = fc.record({
  body,
  contentType: fc.option(
    fc.constantFrom(
      "application/json",
      "text/plain",
      "application/json; charset=utf-8",
      "application/problem+json",
      "multipart/form-data",
    ),
    { nil: undefined },
  ),
  base64: fc.boolean(),
  idempotencyKey: fc.option(fc.oneof(fc.constantFrom("k1", "k2"), weirdString), { nil: undefined }),
  ifNoneMatch: fc.option(weirdString, { nil: undefined }),
  param: fc.oneof(
    weirdString,
    fc.constantFrom(...[0, 1, 2].map((i) => () => known[i] ?? "")).map((f) => f()),
  ),
  sub: fc.oneof(fc.constantFrom("fuzz-a", "fuzz-b"), fc.constant(null), weirdString),
});

type FuzzRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;

function eventFor(route: RouteDefinition, r: FuzzRequest): APIGatewayProxyEventV2WithJWTAuthorizer {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
  const pathParameters = Object.fromEntries(names.map((n) => [n, r.param]));
  const headers: Record<string, string> = {};
  if (r.contentType !== undefined) headers["content-type"] = r.contentType;
  if (r.idempotencyKey !== undefined) headers["Idempotency-Key"] = r.idempotencyKey;
  if (r.ifNoneMatch !== undefined) headers["if-none-match"] = r.ifNoneMatch;
  const event = apiEvent({
    method: route.method,
    path: route.path.replace(/\{\w+\}/g, encodeURIComponent(r.param)),
    route: route.path,
    sub: r.sub,
    headers,
    ...(names.length ? { pathParameters } : {}),
  });
  const raw = r.body === undefined ? undefined : r.base64 ? Buffer.from(r.body).toString("base64") : r.body;
  return { ...event, ...(raw === undefined ? {} : { body: raw }), isBase64Encoded: r.base64 && raw !== undefined };
}

describe("fuzzing every route", () => {
  for (const route of routes) {
    it(`never answers 5xx and writes nothing when refusing: ${route.method} ${route.path}`, async () => {
      const handler = handlers.get(`${route.method} ${route.path}`) as Handler;
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          await stage.settle(); // events published by an earlier accepted request (e.g. a cancel) fold asynchronously
          const before = await stage.stateItems();
          const reply = await invoke(handler, eventFor(route, r));
          await stage.settle();
          expect(reply.status).toBeLessThan(500);
          if (reply.status >= 400) {
            expect(reply.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
            expect(await stage.stateItems()).toEqual(before);
          }
        }),
        { numRuns: 40 },
      );
    }, 120_000);
  }
});
