/**
 * `$default`: a client message. `ping` → `pong`; `resync` → the player's current ticket, latest
 * placement and party exactly as the REST API returns them; anything else → an `error` frame (the
 * connection stays open). Replies are posted to the connection; client activity refreshes the
 * connection record's TTL.
 */
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import { clientMessage } from "@matchplace/client/schemas";
import { resyncState } from "@matchplace/core";
import { realtimeComponent } from "./logger.js";
import { notifier } from "./notifier.js";
import { clock, connections, partyItems, placementItems, playerProfiles, ticketItems } from "./services.js";
import { connectedPlayer, type WebSocketEvent, type WebSocketResult } from "./types.js";

const logger = realtimeComponent("realtime.message");

function errorFrame(code: string, message: string): Record<string, unknown> {
  return { type: "error", error: { code, message } };
}

/** Decodes a frame; an error frame when it is not one of the client messages. */
function decode(event: WebSocketEvent): { action: "ping" | "resync" } | { error: Record<string, unknown> } {
  let raw: unknown;
  try {
    const text = event.isBase64Encoded ? Buffer.from(event.body ?? "", "base64").toString("utf8") : (event.body ?? "");
    raw = JSON.parse(text);
  } catch {
    return {
      error: errorFrame("INVALID_JSON", 'The message is not JSON; send {"action":"ping"} or {"action":"resync"}'),
    };
  }
  const parsed = clientMessage().safeParse(raw);
  if (parsed.success) return parsed.data;
  const action = typeof raw === "object" && raw !== null ? (raw as { action?: unknown }).action : undefined;
  return typeof action === "string" && action !== "ping" && action !== "resync"
    ? { error: errorFrame("UNKNOWN_ACTION", `Unknown action "${action.slice(0, 64)}"; known actions: ping, resync`) }
    : {
        error: errorFrame("VALIDATION_FAILED", `Not a client message: ${parsed.error.issues[0]?.message ?? "invalid"}`),
      };
}

async function onMessage(event: WebSocketEvent): Promise<WebSocketResult> {
  const { connectionId, connectedAt } = event.requestContext;
  const playerId = connectedPlayer(event);
  const post = notifier();
  if (playerId === undefined) {
    await post.post(connectionId, errorFrame("UNAUTHORIZED", "The connection has no player"));
    return { statusCode: 200 };
  }
  const now = clock.now();
  const message = decode(event);
  if ("error" in message) {
    logger.info("bad client message", { playerId, code: (message.error["error"] as { code: string }).code });
    await post.post(connectionId, message.error);
    return { statusCode: 200 };
  }
  await connections().touch(playerId, connectionId, connectedAt, now);
  const reply =
    message.action === "ping"
      ? { type: "pong", time: new Date(now).toISOString() }
      : {
          type: "resync",
          ...(await resyncState(
            { players: playerProfiles(), tickets: ticketItems(), placements: placementItems(), parties: partyItems() },
            playerId,
            now,
          )),
        };
  if ((await post.post(connectionId, reply)) === "gone") await connections().remove(playerId, connectionId);
  return { statusCode: 200 };
}

/** Lambda entry point (`$default`). */
export const handler = middy(onMessage).use(injectLambdaContext(logger, { resetKeys: true }));
