/**
 * Who may call the API: a JWT issuer and audience. By default the stack creates a Cognito user pool
 * and an app client for the game; a studio with its own identity provider sets
 * MATCHPLACE_JWT_ISSUER / MATCHPLACE_JWT_AUDIENCE instead (infra/config.ts).
 */
import { config } from "./config.js";

function cognito() {
  const userPool = new sst.aws.CognitoUserPool("Players", {
    usernames: ["email"],
    transform: {
      userPool: (args) => {
        // Self sign-up is off unless MATCHPLACE_SELF_SIGN_UP=true: each account is a token that may
        // hold tickets and placements (per-player quotas bound each one, not their number).
        args.adminCreateUserConfig = { allowAdminCreateUserOnly: !config.selfSignUp };
      },
    },
  });
  const client = userPool.addClient("Game", {
    transform: {
      client: (args) => {
        // A game client signs players in with SRP and refreshes tokens: no secret (it ships in
        // the game), and none of the hosted-UI OAuth flows SST enables by default.
        args.explicitAuthFlows = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"];
        args.generateSecret = false;
        args.allowedOauthFlowsUserPoolClient = false;
        args.allowedOauthFlows = [];
        args.allowedOauthScopes = [];
        args.callbackUrls = [];
        args.preventUserExistenceErrors = "ENABLED";
      },
    },
  });
  const region = aws.getRegionOutput().region;
  return {
    userPool,
    client,
    issuer: $interpolate`https://cognito-idp.${region}.amazonaws.com/${userPool.id}`,
    audiences: [client.id],
  };
}

const created = config.jwt ? undefined : cognito();

/** The Cognito user pool, when the stack created one. */
export const userPool = created?.userPool;
/** The game's Cognito app client, when the stack created one. */
export const userPoolClient = created?.client;
/** Issuer the JWT authorizer trusts. */
export const jwtIssuer: $util.Input<string> = config.jwt ? config.jwt.issuer : (created?.issuer ?? "");
/** Audiences (`aud` / `client_id`) the JWT authorizer accepts. */
export const jwtAudiences: $util.Input<string>[] = config.jwt ? [...config.jwt.audiences] : (created?.audiences ?? []);
