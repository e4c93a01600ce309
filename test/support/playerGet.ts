/**
 * The API Gateway HTTP API (payload format 2.0) event of a player's GET, as the JWT authorizer hands
 * it to the handler: what the benches that invoke a polled route directly send it.
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from "aws-lambda";

/**
 * A GET of `route` (API Gateway syntax, e.g. `/v1/matchmaking/{ticketId}`) with `params` filling its
 * `{name}`s, by player `sub`.
 * @example playerGetEvent("/v1/matchmaking/{ticketId}", { ticketId: "t-1" }, "player-1")
 */
export function playerGetEvent(
  route: string,
  params: Readonly<Record<string, string>>,
  sub: string,
  headers: Readonly<Record<string, string>> = {},
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const rawPath = route.replace(/\{(\w+)\}/g, (_, n: string) => params[n] ?? "");
  return {
    version: "2.0",
    routeKey: `GET ${route}`,
    rawPath,
    rawQueryString: "",
    headers: { host: "api.example.com", "user-agent": "bench", ...headers },
    ...(Object.keys(params).length > 0 ? { pathParameters: { ...params } } : {}),
    requestContext: {
      accountId: "111122223333",
      apiId: "bench",
      domainName: "api.example.com",
      domainPrefix: "api",
      http: { method: "GET", path: rawPath, protocol: "HTTP/1.1", sourceIp: "203.0.113.7", userAgent: "bench" },
      requestId: `bench-${Math.random().toString(36).slice(2)}`,
      routeKey: `GET ${route}`,
      stage: "$default",
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      authorizer: { principalId: "", integrationLatency: 0, jwt: { claims: { sub }, scopes: [] } },
    },
    isBase64Encoded: false,
  };
}
