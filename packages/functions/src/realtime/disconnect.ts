/** `$disconnect`: forgets the connection (best effort on AWS; the record's TTL covers a missed one). */
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { realtimeComponent } from "./logger.js";
import { connections } from "./services.js";
import { connectedPlayer, type WebSocketEvent, type WebSocketResult } from "./types.js";

const logger = realtimeComponent("realtime.disconnect");

async function disconnect(event: WebSocketEvent): Promise<WebSocketResult> {
  const playerId = connectedPlayer(event);
  if (playerId !== undefined) await connections().remove(playerId, event.requestContext.connectionId);
  logger.info("disconnected", {
    playerId,
    connectionId: event.requestContext.connectionId,
    status: event.requestContext.disconnectStatusCode,
  });
  return { statusCode: 200 };
}

/** Lambda entry point (`$disconnect`). */
export const handler = middy(disconnect).use(injectLambdaContext(logger, { resetKeys: true }));
