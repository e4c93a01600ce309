import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { request, type IncomingMessage } from "node:http";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Logger } from "@aws-lambda-powertools/logger";
import { SignJWT, generateKeyPair } from "jose";
import { LocalIssuer } from "../../src/auth/LocalIssuer.js";
import { startLocalApiGateway, type LocalApiGateway } from "../../src/api/LocalApiGateway.js";
import { RouteMatcher } from "../../src/api/routeMatcher.js";
import { repoRoot } from "../../src/handlers.js";
import { cors, IDEMPOTENT_REPLAY_HEADER } from "@matchplace/functions/routes";

const logger = new Logger({ serviceName: "test", logLevel: "CRITICAL" });

/** A handler module that echoes the API Gateway event it was given (a real file, loaded by path like any handler). */
function echoHandlerModule(dir: string): string {
  writeFileSync(
    join(dir, "echo.mjs"),
    `export const handler = async (event) => ({ statusCode: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(event) });
     export const plain = async () => ({ hello: "world" });
     export const broken = async () => { throw new Error("boom"); };`,
  );
  return relative(repoRoot, join(dir, "echo"));
}

describe("local API Gateway", () => {
  let api: LocalApiGateway;
  let issuer: LocalIssuer;
  const dir = mkdtempSync(join(repoRoot, "node_modules", ".mp-apigw-"));

  beforeAll(async () => {
    const mod = echoHandlerModule(dir);
    issuer = await LocalIssuer.create({ issuer: "http://127.0.0.1/local", audience: "matchplace" });
    api = await startLocalApiGateway({
      port: 0,
      issuer,
      accountId: "123456789012",
      logger,
      maxBodyBytes: 1024,
      // Short, so the slow-body test answers fast; API Gateway's (and the default) is 30 s.
      bodyTimeoutMs: 300,
      routes: [
        { method: "GET", path: "/v1/open", handler: `${mod}.plain`, auth: false },
        { method: "GET", path: "/v1/things/{id}", handler: `${mod}.handler`, auth: true },
        { method: "POST", path: "/v1/things/{id}", handler: `${mod}.handler`, auth: true },
        { method: "GET", path: "/v1/boom", handler: `${mod}.broken`, auth: false },
      ],
    });
  });

  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, token?: string) =>
    fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("passes verified claims and path parameters in a payload-format-2.0 event", async () => {
    const token = await issuer.issue("alice");
    const res = await get("/v1/things/t%201?x=1&x=2", token);
    expect(res.status).toBe(200);
    const event = (await res.json()) as { headers: Record<string, string> };
    expect(event).toMatchObject({
      version: "2.0",
      routeKey: "GET /v1/things/{id}",
      rawPath: "/v1/things/t%201",
      pathParameters: { id: "t 1" },
      queryStringParameters: { x: "1,2" },
      requestContext: { http: { method: "GET" }, authorizer: { jwt: { claims: { sub: "alice", aud: "matchplace" } } } },
    });
    expect(event.headers.authorization).toMatch(/^Bearer /);
  });

  it("answers a browser's preflight from the one CORS definition AWS gets too (routes.ts `cors`)", async () => {
    const res = await fetch(`${api.url}/v1/things/1`, {
      method: "OPTIONS",
      headers: {
        origin: "https://game.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,idempotency-key,if-none-match",
      },
    });
    expect(res.status).toBe(204);
    const allowed = res.headers.get("access-control-allow-headers")!.split(",");
    expect(allowed).toEqual([...cors.allowHeaders]);
    expect(allowed).toEqual(expect.arrayContaining(["idempotency-key", "if-none-match"]));
    expect(res.headers.get("access-control-allow-methods")!.split(",")).toEqual([...cors.allowMethods]);
    expect(res.headers.get("access-control-max-age")).toBe(String(cors.maxAgeSeconds));
    // What a browser may then read from the real response.
    const token = await issuer.issue("alice");
    const reply = await fetch(`${api.url}/v1/things/1`, {
      headers: { authorization: `Bearer ${token}`, origin: "https://game.example" },
    });
    const exposed = reply.headers.get("access-control-expose-headers")!.split(",");
    expect(exposed).toEqual(expect.arrayContaining(["etag", "retry-after", IDEMPOTENT_REPLAY_HEADER]));
    expect(reply.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("answers 401 for a missing, forged, expired or wrong-audience token", async () => {
    expect((await get("/v1/things/1")).status).toBe(401);
    expect((await get("/v1/things/1", "abc.def.ghi")).status).toBe(401);
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid: "local-1" })
      .setSubject("alice")
      .setIssuer(issuer.issuer)
      .setAudience("matchplace")
      .setExpirationTime("1h")
      .sign(privateKey);
    expect((await get("/v1/things/1", forged)).status).toBe(401);
    expect((await get("/v1/things/1", await issuer.issue("alice", -10))).status).toBe(401);
    const other = await LocalIssuer.create({ issuer: issuer.issuer, audience: "someone-else" });
    const res = await get("/v1/things/1", await other.issue("alice"));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: "Unauthorized", error: { code: "UNAUTHORIZED" } });
  });

  it("lets unauthenticated routes through and sends plain results as 200 JSON", async () => {
    const res = await get("/v1/open");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ hello: "world" });
  });

  it("answers 404 for no route, 413 past the payload limit, 500 when a handler throws", async () => {
    expect((await get("/v1/nowhere")).status).toBe(404);
    const token = await issuer.issue("alice");
    const big = await fetch(`${api.url}/v1/things/1`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: "x".repeat(2048),
    });
    expect(big.status).toBe(413);
    const boom = await get("/v1/boom");
    expect(boom.status).toBe(500);
    expect(await boom.json()).toEqual({ message: "Internal Server Error" });
  });

  it("issues dev tokens for valid player ids only", async () => {
    const ok = await fetch(`${api.url}/local/token`, { method: "POST", body: JSON.stringify({ playerId: "bob" }) });
    const { token } = (await ok.json()) as { token: string };
    expect((await issuer.verify(token)).sub).toBe("bob");
    const bad = await fetch(`${api.url}/local/token`, { method: "POST", body: JSON.stringify({ playerId: "" }) });
    expect(bad.status).toBe(400);
    const jwks = (await (await fetch(`${api.url}/local/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys[0]?.kid).toBe("local-1");
  });

  /** Opens a chunked POST, writes `bytes` and leaves the body unfinished; resolves with the reply. */
  const unfinished = async (
    bytes: number,
  ): Promise<{ status: number; body: string; connection: string | undefined }> => {
    const token = await issuer.issue("alice");
    return new Promise((resolve, reject) => {
      const req = request(`${api.url}/v1/things/t1`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "transfer-encoding": "chunked",
        },
      });
      req.on("response", (res: IncomingMessage) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection });
          req.destroy();
        });
      });
      req.on("error", reject);
      req.write("x".repeat(bytes));
    });
  };

  it("answers 413 as soon as a streamed body passes the limit, without reading the rest", async () => {
    const reply = await unfinished(4096);

    expect(reply.status).toBe(413);
    expect(reply.connection).toBe("close");
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  });

  it("answers 408 and closes when the body does not arrive within the body timeout", async () => {
    const reply = await unfinished(10);

    expect(reply.status).toBe(408);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: "REQUEST_TIMEOUT" } });
  });
});

describe("route matching", () => {
  it("prefers literal segments over parameters, as API Gateway does", () => {
    const m = new RouteMatcher([
      { method: "GET", path: "/v1/matchmaking/{ticketId}" },
      { method: "GET", path: "/v1/matchmaking/current" },
      { method: "GET", path: "/files/{proxy+}" },
    ]);
    expect(m.match("GET", "/v1/matchmaking/current")?.route.path).toBe("/v1/matchmaking/current");
    expect(m.match("GET", "/v1/matchmaking/abc")?.pathParameters).toEqual({ ticketId: "abc" });
    expect(m.match("GET", "/files/a/b/c")?.pathParameters).toEqual({ proxy: "a/b/c" });
    expect(m.match("POST", "/v1/matchmaking/abc")).toBeUndefined();
    expect(m.match("GET", "/v1/matchmaking/abc/extra")).toBeUndefined();
  });
});
