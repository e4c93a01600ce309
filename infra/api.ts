/**
 * The player REST API: an API Gateway HTTP API with every route of
 * packages/functions/src/routes.ts, a JWT authorizer on each route that asks for auth, stage-wide
 * throttling, CORS and JSON access logs.
 */
import { routes } from "@matchplace/functions/routes";
import { jwtAudiences, jwtIssuer } from "./auth.js";
import { config } from "./config.js";
import { functionArgs } from "./functions.js";
import { routeName } from "./handlers.js";

/** The HTTP API. */
export const api = new sst.aws.ApiGatewayV2("Api", {
  cors: {
    allowOrigins: [...config.corsOrigins],
    allowHeaders: ["authorization", "content-type"],
    allowMethods: ["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
    maxAge: "1 hour",
  },
  accessLog: { retention: "3 months" },
  transform: {
    stage: (args) => {
      args.defaultRouteSettings = {
        throttlingRateLimit: config.throttleRate,
        throttlingBurstLimit: config.throttleBurst,
        detailedMetricsEnabled: true,
      };
    },
  },
});

/** JWT authorizer (Cognito by default, or the configured issuer). */
export const authorizer = api.addAuthorizer({
  name: "Jwt",
  jwt: { issuer: jwtIssuer, audiences: jwtAudiences },
});

for (const route of routes) {
  api.route(`${route.method} ${route.path}`, functionArgs(route.handler), {
    name: routeName(route.method, route.path),
    auth: route.auth ? { jwt: { authorizer: authorizer.id } } : false,
  });
}
