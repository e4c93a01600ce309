/**
 * IAM (SigV4) authorization on the local API Gateway: requests signed the way the AWS SDKs sign
 * (`@smithy/signature-v4`) reach the handler with `requestContext.authorizer.iam`; unsigned,
 * wrong-secret, expired and body-modified ones get API Gateway's 403. JWTs and IAM never cross over.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Logger } from "@aws-lambda-powertools/logger";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalIssuer } from "../../src/auth/LocalIssuer.js";
import { startLocalApiGateway, type LocalApiGateway } from "../../src/api/LocalApiGateway.js";
import { NodeSha256, type ServerCredential } from "../../src/api/sigv4.js";
import { repoRoot } from "../../src/handlers.js";

const logger = new Logger({ serviceName: "test", logLevel: "CRITICAL" });
const server: ServerCredential = {
  accessKeyId: "AKIALOCALTEST0001",
  secretAccessKey: "s3cr3t/local+key",
  userArn: "arn:aws:iam::123456789012:user/local-game-server",
};
const REGION = "us-east-1";

let api: LocalApiGateway;
let issuer: LocalIssuer;
const dir = mkdtempSync(join(repoRoot, "node_modules", ".mp-sigv4-"));

beforeAll(async () => {
  writeFileSync(
    join(dir, "echo.mjs"),
    `export const handler = async (event) => ({ statusCode: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(event) });`,
  );
  const mod = relative(repoRoot, join(dir, "echo"));
  issuer = await LocalIssuer.create({ issuer: "http://127.0.0.1/local", audience: "matchplace" });
  api = await startLocalApiGateway({
    port: 0,
    issuer,
    accountId: "123456789012",
    logger,
    serverCredentials: [server],
    routes: [
      {
        method: "POST",
        path: "/v1/server/game-sessions/{gameSessionId}/results",
        handler: `${mod}.handler`,
        auth: "iam",
      },
      { method: "GET", path: "/v1/players/me", handler: `${mod}.handler`, auth: "jwt" },
    ],
  });
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const ARN = "arn:aws:gamelift:us-east-1::gamesession/fleet-5d9c1b7e-2f3a-4e8b-9c6d-0a1b2c3d4e5f/gsess-81f04c2d";
const PATH = `/v1/server/game-sessions/${encodeURIComponent(ARN)}/results`;

/** Signs like an AWS SDK (SignatureV4, service execute-api) and returns the headers to send. */
async function sign(options: {
  path?: string;
  body: string;
  secret?: string;
  date?: Date;
  method?: string;
}): Promise<Record<string, string>> {
  const url = new URL(api.url);
  const signer = new SignatureV4({
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: options.secret ?? server.secretAccessKey },
    region: REGION,
    service: "execute-api",
    sha256: NodeSha256,
  });
  const signed = await signer.sign(
    {
      method: options.method ?? "POST",
      protocol: "http:",
      hostname: url.hostname,
      port: Number(url.port),
      path: options.path ?? PATH,
      query: {},
      headers: { host: url.host, "content-type": "application/json" },
      body: options.body,
    },
    options.date ? { signingDate: options.date } : {},
  );
  return signed.headers as Record<string, string>;
}

const post = (headers: Record<string, string>, body: string, path = PATH): Promise<Response> =>
  fetch(`${api.url}${path}`, { method: "POST", headers, body });

describe("IAM routes on the local API Gateway", () => {
  const body = JSON.stringify({
    teams: [
      { team: "red", rank: 1 },
      { team: "blue", rank: 2 },
    ],
  });

  it("passes a request signed like the SDKs sign, with the caller in requestContext.authorizer.iam and the ARN decoded", async () => {
    const res = await post(await sign({ body }), body);

    expect(res.status).toBe(200);
    const event = (await res.json()) as Record<string, unknown>;
    expect(event).toMatchObject({
      routeKey: "POST /v1/server/game-sessions/{gameSessionId}/results",
      pathParameters: { gameSessionId: ARN },
      requestContext: {
        authorizer: { iam: { accessKey: server.accessKeyId, userArn: server.userArn, accountId: "123456789012" } },
      },
      body,
    });
    expect((event["requestContext"] as { authorizer: Record<string, unknown> }).authorizer["jwt"]).toBeUndefined();
  });

  it.each([
    ["unsigned", async () => ({ "content-type": "application/json" }), body, /missing SigV4/],
    ["signed with the wrong secret", () => sign({ body, secret: "not-the-secret" }), body, /does not match/],
    [
      "signed more than 5 minutes ago",
      () => sign({ body, date: new Date(Date.now() - 6 * 60 * 1000) }),
      body,
      /expired/,
    ],
    ["replayed with a modified body", () => sign({ body }), body.replace('"rank":1', '"rank":3'), /does not match/],
    [
      "replayed to another path",
      () => sign({ body, path: "/v1/server/game-sessions/other/results" }),
      body,
      /does not match/,
    ],
    [
      "carrying a player's bearer token",
      async () => ({ authorization: `Bearer ${await issuer.issue("alice")}` }),
      body,
      /not an AWS4-HMAC-SHA256/,
    ],
  ] as const)("refuses a request %s with API Gateway's 403", async (_name, headers, sent, reason) => {
    const res = await post(await headers(), sent);

    expect(res.status).toBe(403);
    const reply = (await res.json()) as { message: string; error: { code: string; message: string } };
    expect(reply.message).toBe("Forbidden");
    expect(reply.error.code).toBe("FORBIDDEN");
    expect(reply.error.message).toMatch(reason);
  });

  it("refuses a declared payload hash that is not the body's", async () => {
    const headers = await sign({ body });
    const res = await post({ ...headers, "x-amz-content-sha256": "0".repeat(64) }, body);
    expect(res.status).toBe(403);
  });

  it("never opens a player (JWT) route with IAM credentials", async () => {
    const url = new URL(api.url);
    const signer = new SignatureV4({ credentials: server, region: REGION, service: "execute-api", sha256: NodeSha256 });
    const signed = await signer.sign({
      method: "GET",
      protocol: "http:",
      hostname: url.hostname,
      port: Number(url.port),
      path: "/v1/players/me",
      query: {},
      headers: { host: url.host },
    });

    const res = await fetch(`${api.url}/v1/players/me`, { headers: signed.headers as Record<string, string> });

    expect(res.status).toBe(401);
  });
});
