import { decodeGameSessionParam, fleetsOf, type FleetScope, once } from "@matchplace/core";
import * as z from "zod/mini";
import type { IamCaller } from "../http/types.js";
import { ratings } from "../http/rating.js";

/** `{gameSessionId}` (built on the first request): GameLift's GameSessionId (the ARN, URL-encoded) or its last path segment. */
export const gameSessionParams = /* @__PURE__ */ once(() =>
  z.object({
    gameSessionId: z.pipe(
      z.pipe(z.string().check(z.minLength(1), z.maxLength(1024)), z.transform(decodeGameSessionParam)),
      z.string().check(z.regex(/^[a-zA-Z0-9:/._-]{1,512}$/, "a game session ARN or its last path segment")),
    ),
  }),
);

/** The fleets the signed caller serves (configured principal → fleet ids). */
export function callerFleets(caller: IamCaller | undefined): FleetScope {
  return caller === undefined ? [] : fleetsOf(ratings().config.serverFleets, caller.userArn);
}
