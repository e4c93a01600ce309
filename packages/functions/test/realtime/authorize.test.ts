/**
 * The WebSocket `$connect` authorizer against a real issuer: RSA keys, a JWKS served over HTTP and
 * signed JWTs (jose), verified by aws-jwt-verify exactly as on AWS.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

type CryptoKey = Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let server: Server;
let issuer: string;
let key: CryptoKey;
let otherKey: CryptoKey;
let handler: (event: unknown, context: unknown) => Promise<unknown>;
let jwksHits = 0;

const context = { functionName: "authorize", awsRequestId: "req-1", getRemainingTimeInMillis: () => 3000 };
const methodArn = "arn:aws:execute-api:us-east-1:123456789012:api1/local/$connect";
const event = (token?: string) => ({
  type: "REQUEST",
  methodArn,
  queryStringParameters: token === undefined ? {} : { token },
  requestContext: { connectionId: "c1" },
});

async function sign(
  claims: { sub?: string; aud?: string; iss?: string; exp?: number },
  signingKey = key,
): Promise<string> {
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg: "RS256", kid: "k1" })
    .setIssuedAt()
    .setIssuer(claims.iss ?? issuer)
    .setAudience(claims.aud ?? "matchplace");
  if (claims.sub !== undefined) jwt.setSubject(claims.sub);
  jwt.setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 300);
  return jwt.sign(signingKey);
}

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  key = pair.privateKey;
  otherKey = (await generateKeyPair("RS256")).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  server = createServer((req, res) => {
    jwksHits += 1;
    if (req.url === "/local/.well-known/jwks.json")
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] }));
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/local`;
  process.env["MATCHPLACE_JWT_ISSUER"] = issuer;
  process.env["MATCHPLACE_JWT_AUDIENCE"] = "matchplace";
  ({ handler } = (await import("../../src/realtime/authorize.js")) as unknown as { handler: typeof handler });
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe("realtime $connect authorizer", () => {
  it("allows a valid player token and hands the player id to later routes", async () => {
    const out = (await handler(event(await sign({ sub: "alice" })), context)) as {
      principalId: string;
      context: { playerId: string };
      policyDocument: { Statement: { Effect: string; Resource: string }[] };
    };

    expect(out.principalId).toBe("alice");
    expect(out.context.playerId).toBe("alice");
    expect(out.policyDocument.Statement[0]).toMatchObject({ Effect: "Allow", Resource: methodArn });
  });

  it.each([
    ["no token", async () => undefined],
    ["an empty token", async () => ""],
    ["a forged token (another key)", async () => sign({ sub: "mallory" }, otherKey)],
    ["an expired token", async () => sign({ sub: "alice", exp: Math.floor(Date.now() / 1000) - 600 })],
    ["a wrong-audience token", async () => sign({ sub: "alice", aud: "someone-else" })],
    ["a token of another issuer", async () => sign({ sub: "alice", iss: "http://127.0.0.1:1/other" })],
    ["a token without subject", async () => sign({})],
    ["garbage", async () => "not.a.jwt"],
  ])("refuses %s with Unauthorized (API Gateway: 401)", async (_label, token) => {
    await expect(handler(event(await token()), context)).rejects.toThrow("Unauthorized");
  });

  it("fetches the issuer's keys once and caches them", async () => {
    const before = jwksHits;
    await handler(event(await sign({ sub: "bob" })), context);
    await handler(event(await sign({ sub: "carol" })), context);

    expect(jwksHits - before).toBe(0);
  });
});
