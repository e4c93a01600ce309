/**
 * `$connect` REQUEST authorizer of the realtime WebSocket API: verifies the same player JWT as the
 * REST API, taken from the `token` query parameter (browsers cannot set headers on a WebSocket).
 * A valid token → Allow with `context.playerId` = the token's subject; anything else → "Unauthorized"
 * (API Gateway answers 401 and runs nothing else). The token is never logged.
 *
 * Trust comes from the environment infra sets (one definition with the REST API's JWT authorizer):
 * `MATCHPLACE_COGNITO_USER_POOL_ID` + `MATCHPLACE_COGNITO_CLIENT_ID` (Cognito), or
 * `MATCHPLACE_JWT_ISSUER` + `MATCHPLACE_JWT_AUDIENCE` (a studio's issuer; the local stage's).
 */
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { CognitoJwtVerifier, JwtVerifier } from "aws-jwt-verify";
import { SimpleJwksCache } from "aws-jwt-verify/jwk";
import { realtime } from "../routes.js";
import { realtimeComponent } from "./logger.js";

const logger = realtimeComponent("realtime.authorize");

/** The parts of API Gateway's REQUEST authorizer event read here. */
interface AuthorizerEvent {
  readonly methodArn: string;
  readonly queryStringParameters?: Record<string, string | undefined> | null;
  readonly requestContext?: { readonly connectionId?: string; readonly requestId?: string };
}

/** An IAM policy answer. */
interface AuthorizerResult {
  readonly principalId: string;
  readonly policyDocument: {
    readonly Version: "2012-10-17";
    readonly Statement: readonly { Action: string; Effect: "Allow" | "Deny"; Resource: string }[];
  };
  readonly context: { readonly playerId: string };
}

/** JWKS over fetch with a timeout: works for Cognito's https and the local stage's http issuer alike. */
const jwksCache = new SimpleJwksCache({
  fetcher: {
    async fetch(uri: string): Promise<ArrayBuffer> {
      const res = await fetch(uri, { signal: AbortSignal.timeout(3000) });
      if (!res.ok) throw new Error(`JWKS ${uri} answered ${res.status}`);
      return res.arrayBuffer();
    },
  },
});

type Verify = (token: string) => Promise<{ sub?: string }>;

let verifier: Verify | undefined;

function buildVerifier(env: NodeJS.ProcessEnv): Verify {
  const poolId = env["MATCHPLACE_COGNITO_USER_POOL_ID"];
  const clientId = env["MATCHPLACE_COGNITO_CLIENT_ID"];
  if (poolId && clientId) {
    // Either an ID or an access token, as the REST API's JWT authorizer accepts (aud / client_id).
    const v = CognitoJwtVerifier.create({ userPoolId: poolId, clientId, tokenUse: null }, { jwksCache });
    return (token) => v.verify(token);
  }
  const issuer = env["MATCHPLACE_JWT_ISSUER"];
  const audience = (env["MATCHPLACE_JWT_AUDIENCE"] ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  if (!issuer || audience.length === 0)
    throw new Error("MATCHPLACE_JWT_ISSUER and MATCHPLACE_JWT_AUDIENCE (or the Cognito pair) must be set");
  const v = JwtVerifier.create({ issuer, audience }, { jwksCache });
  return (token) => v.verify(token);
}

async function authorize(event: AuthorizerEvent): Promise<AuthorizerResult> {
  const token = event.queryStringParameters?.[realtime.authorizer.queryParameter];
  if (!token) {
    logger.info("connection refused", { reason: "no token" });
    throw new Error("Unauthorized");
  }
  verifier ??= buildVerifier(process.env);
  let sub: string | undefined;
  try {
    sub = (await verifier(token)).sub;
  } catch (err) {
    // The error's name says why (expired, wrong audience, bad signature) without echoing the token.
    logger.info("connection refused", { reason: err instanceof Error ? err.constructor.name : "invalid token" });
    throw new Error("Unauthorized");
  }
  if (!sub) {
    logger.info("connection refused", { reason: "token has no subject" });
    throw new Error("Unauthorized");
  }
  return {
    principalId: sub,
    policyDocument: {
      Version: "2012-10-17",
      Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: event.methodArn }],
    },
    context: { playerId: sub },
  };
}

/** Lambda entry point (API Gateway WebSocket REQUEST authorizer). */
export const handler = middy(authorize).use(injectLambdaContext(logger, { resetKeys: true }));
