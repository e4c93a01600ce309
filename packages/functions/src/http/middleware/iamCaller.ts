import type { MiddlewareObj } from "@middy/core";
import { HttpError } from "../errors.js";
import type { HttpEvent, IamCaller } from "../types.js";

/**
 * Reads the SigV4 caller API Gateway verified (IAM authorization, payload format 2.0:
 * `requestContext.authorizer.iam`) into `event.iamCaller`. API Gateway refuses unsigned or badly
 * signed requests before the handler runs; this still refuses an event without an IAM identity (a
 * JWT-authorised event, for one) with 403.
 * @example middy(fn).use(iamCaller())
 */
export function iamCaller(): MiddlewareObj<HttpEvent> {
  const iamCallerBefore = (request: { event: HttpEvent }): void => {
    const authorizer = request.event.requestContext?.authorizer as { iam?: Record<string, unknown> } | undefined;
    const iam = authorizer?.iam;
    const userArn = iam?.["userArn"];
    const accessKey = iam?.["accessKey"];
    if (typeof userArn !== "string" || typeof accessKey !== "string" || userArn === "") {
      throw new HttpError(403, "FORBIDDEN", "This route needs a SigV4-signed request from a game server");
    }
    const caller: IamCaller = {
      accessKey,
      userArn,
      accountId: typeof iam?.["accountId"] === "string" ? iam["accountId"] : "",
      userId: typeof iam?.["userId"] === "string" ? iam["userId"] : "",
    };
    request.event.iamCaller = caller;
  };
  return { before: iamCallerBefore };
}
