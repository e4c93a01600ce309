/**
 * What a game server on a GameLift fleet needs to call the game-server routes
 * (`/v1/server/...`, IAM-authorised): a managed policy allowing `execute-api:Invoke` on exactly
 * `POST /v1/server/*` of this stage's HTTP API. Attach it to the fleet's instance role (the role
 * whose credentials the server signs with); see docs/deploy.md. Which fleets each role may report
 * for is `MATCHPLACE_SERVER_FLEETS`.
 */
import { SERVER_ROUTE_PREFIX } from "@matchplace/functions/routes";
import { api } from "./api.js";

/** ARN pattern of the game-server routes: `arn:aws:execute-api:{region}:{account}:{apiId}/*\/POST/v1/server/*`. */
const gameServerRoutesArn = $interpolate`${api.nodes.api.executionArn}/*/POST${SERVER_ROUTE_PREFIX}*`;

/** The managed policy to attach to a fleet role. */
export const gameServerPolicy = new aws.iam.Policy("GameServerPolicy", {
  description: "Lets a matchplace game server report results and end sessions (POST /v1/server/*)",
  policy: $jsonStringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: ["execute-api:Invoke"], Resource: [gameServerRoutesArn] }],
  }),
});
