import type { MiddlewareObj } from "@middy/core";
import { HttpError } from "../errors.js";
import type { HttpEvent } from "../types.js";

/** A player id we accept from `sub`: it becomes part of DynamoDB keys and GameLift PlayerIds. */
const playerIdPattern = /^[A-Za-z0-9._@:+=-]{1,128}$/;

/**
 * Reads the caller's player id from the JWT authorizer's `sub` claim (payload format 2.0) into
 * `event.playerId`. The authorizer normally refuses a bad token first; this still refuses a
 * missing or unusable `sub` with 401.
 * @example middy(fn).use(callerIdentity())
 */
export function callerIdentity(): MiddlewareObj<HttpEvent> {
  const callerIdentityBefore = (request: { event: HttpEvent }): void => {
    const claims: Record<string, unknown> | undefined = request.event.requestContext?.authorizer?.jwt?.claims;
    const sub = claims?.["sub"];
    if (typeof sub !== "string" || !playerIdPattern.test(sub)) {
      throw new HttpError(401, "UNAUTHORIZED", "Missing or invalid credentials");
    }
    request.event.playerId = sub;
  };
  return { before: callerIdentityBefore };
}
