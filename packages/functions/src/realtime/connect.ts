/** `$connect`: records the authorised player's connection (the authorizer ran first). */
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { realtimeComponent } from "./logger.js";
import { clock, connections } from "./services.js";
import { connectedPlayer, type WebSocketEvent, type WebSocketResult } from "./types.js";

const logger = realtimeComponent("realtime.connect");

async function connect(event: WebSocketEvent): Promise<WebSocketResult> {
  const playerId = connectedPlayer(event);
  if (playerId === undefined) return { statusCode: 403 };
  await connections().add(playerId, event.requestContext.connectionId, clock.now());
  logger.info("connected", { playerId, connectionId: event.requestContext.connectionId });
  return { statusCode: 200 };
}

/** Lambda entry point (`$connect`). */
export const handler = middy(connect).use(injectLambdaContext(logger, { resetKeys: true }));
