import type { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy, { type MiddlewareObj, type MiddyfiedHandler } from "@middy/core";
import httpHeaderNormalizer from "@middy/http-header-normalizer";
import type { APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import type * as z from "zod/mini";
import { callerIdentity } from "./middleware/callerIdentity.js";
import { errorResponse } from "./middleware/errorResponse.js";
import { iamCaller } from "./middleware/iamCaller.js";
import { jsonBody } from "./middleware/jsonBody.js";
import { correlationId, routeMetrics } from "./middleware/observe.js";
import { type SchemaSource, validation } from "./middleware/validation.js";
import { json, type HttpResult } from "./response.js";
import type { HttpEvent, RouteRequest } from "./types.js";

type Out<S> = S extends z.ZodMiniType ? z.output<S> : Record<string, never>;

/** Declaration of one route's inputs; every part is optional. */
export interface HttpHandlerOptions<
  B extends z.ZodMiniType | undefined,
  P extends z.ZodMiniType | undefined,
  Q extends z.ZodMiniType | undefined,
> {
  readonly logger: Logger;
  /** Who may call: `true`/`"jwt"` a player (JWT `sub`, default), `"iam"` a SigV4 signer, `false` anyone. */
  readonly auth?: boolean | "jwt" | "iam";
  /**
   * Each part's schema, or (preferred) a function building it on the first request, kept after (see
   * {@link SchemaSource}): a memoised schema builder from `@matchplace/client/schemas` passed as is.
   */
  readonly body?: B | (() => B);
  readonly params?: P | (() => P);
  readonly query?: Q | (() => Q);
  /** Largest body in bytes (default 16 KiB). */
  readonly maxBodyBytes?: number;
  /** Extra middlewares that run after decoding (rate limit, idempotency), in order. */
  readonly use?: readonly MiddlewareObj<HttpEvent, APIGatewayProxyStructuredResultV2>[];
}

/** The wrapped Lambda handler type of every route. */
export type HttpLambda = MiddyfiedHandler<HttpEvent, APIGatewayProxyStructuredResultV2, Error, Context>;

/**
 * Wraps a route function in the standard middleware stack: logger context with API Gateway's request
 * id as correlation id, route metrics (latency, 4xx/5xx, cold start), header normalisation,
 * JSON body (413/415/400), caller identity (401), zod validation (400), extra middlewares, and the
 * one error mapper. The route function receives decoded, typed input and returns an {@link HttpResult}.
 * @example
 * export const handler = httpHandler({ logger, params: z.object({ ticketId }) }, async (req) =>
 *   ({ status: 200, body: await getTicket(req.playerId, req.params.ticketId) }));
 */
export function httpHandler<
  B extends z.ZodMiniType | undefined = undefined,
  P extends z.ZodMiniType | undefined = undefined,
  Q extends z.ZodMiniType | undefined = undefined,
>(
  options: HttpHandlerOptions<B, P, Q>,
  route: (request: RouteRequest<Out<B>, Out<P>, Out<Q>>) => Promise<HttpResult>,
): HttpLambda {
  const auth = options.auth ?? true;
  const base = middy<HttpEvent, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(injectLambdaContext(options.logger, { resetKeys: true }))
    .use(correlationId(options.logger))
    .use(routeMetrics())
    .use(errorResponse({ logger: options.logger }))
    .use(httpHeaderNormalizer())
    .use(jsonBody({ maxBytes: options.maxBodyBytes ?? 16 * 1024 }));
  if (auth === "iam") base.use(iamCaller());
  else if (auth) base.use(callerIdentity());
  base.use(
    validation({
      body: options.body as SchemaSource | undefined,
      params: options.params as SchemaSource | undefined,
      query: options.query as SchemaSource | undefined,
    }),
  );
  for (const m of options.use ?? []) base.use(m);
  return base.handler(async (event, context) => {
    if (event.playerId !== undefined) options.logger.appendKeys({ playerId: event.playerId });
    const input = event.input ?? { body: {}, params: {}, query: {} };
    const result = await route({
      body: input.body as Out<B>,
      params: input.params as Out<P>,
      query: input.query as Out<Q>,
      playerId: event.playerId ?? "",
      headers: event.headers ?? {},
      iamCaller: event.iamCaller,
      event,
      context,
    });
    return json(result);
  });
}
