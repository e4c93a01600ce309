import { decodeGameSessionParam, fleetsOf, type FleetScope } from "@matchplace/core";
import * as z from "zod";
import type { IamCaller } from "../http/types.js";
import type { Services } from "../http/services.js";
import { ratings } from "../http/rating.js";

/** `{gameSessionId}`: GameLift's GameSessionId (the ARN, URL-encoded) or its last path segment. */
export const gameSessionParams = z.object({
  gameSessionId: z
    .string()
    .min(1)
    .max(1024)
    .transform(decodeGameSessionParam)
    .pipe(z.string().regex(/^[a-zA-Z0-9:/._-]{1,512}$/, "a game session ARN or its last path segment")),
});

/** The fleets the signed caller serves (configured principal → fleet ids). */
export function callerFleets(s: Services, caller: IamCaller | undefined): FleetScope {
  return caller === undefined ? [] : fleetsOf(ratings().config.serverFleets, caller.userArn);
}
