/**
 * The REST API: an API Gateway HTTP API with every route of packages/functions/src/routes.ts, a JWT
 * authorizer on each player route (`auth: "jwt"`), IAM authorization (SigV4) on each game-server
 * route (`auth: "iam"`), stage-wide throttling plus route throttling on the polled GET routes
 * (`pollLimits.route`), the one CORS definition of routes.ts (`cors`) and JSON access logs.
 */
import { cors, type HandlerAccess, isPollRoute, pollLimits, routes } from "@matchplace/functions/routes";
import { jwtAudiences, jwtIssuer } from "./auth.js";
import { config } from "./config.js";
import { functionArgs } from "./functions.js";
import { routeName } from "./handlers.js";
import { matchEvents } from "./realtime.js";

/** The HTTP API. */
export const api = new sst.aws.ApiGatewayV2("Api", {
  cors: {
    allowOrigins: [...config.corsOrigins],
    allowHeaders: [...cors.allowHeaders],
    allowMethods: [...cors.allowMethods],
    exposeHeaders: [...cors.exposeHeaders],
    maxAge: `${cors.maxAgeSeconds} seconds`,
  },
  accessLog: { retention: "3 months" },
  transform: {
    stage: (args) => {
      args.defaultRouteSettings = {
        throttlingRateLimit: config.throttleRate,
        throttlingBurstLimit: config.throttleBurst,
        detailedMetricsEnabled: true,
      };
      // Polled reads write nothing; their hard ceiling is API Gateway's, per route.
      args.routeSettings = routes.filter(isPollRoute).map((r) => ({
        routeKey: `${r.method} ${r.path}`,
        throttlingRateLimit: pollLimits.route.rateLimit,
        throttlingBurstLimit: pollLimits.route.burstLimit,
      }));
    },
  },
});

/** JWT authorizer (Cognito by default, or the configured issuer). */
const authorizer = api.addAuthorizer({
  name: "Jwt",
  jwt: { issuer: jwtIssuer, audiences: jwtAudiences },
});

for (const route of routes) {
  // A handler that publishes MatchEvents (game-server results) is linked to the topic and granted Publish on it.
  const access: HandlerAccess = route.access;
  const publishes = access.publishMatchEvents === true;
  const args = publishes
    ? functionArgs(route.handler, { link: [matchEvents] }, { matchEvents })
    : functionArgs(route.handler);
  api.route(`${route.method} ${route.path}`, args, {
    name: routeName(route.method, route.path),
    auth: route.auth === "iam" ? { iam: true } : route.auth === "jwt" ? { jwt: { authorizer: authorizer.id } } : false,
  });
}
