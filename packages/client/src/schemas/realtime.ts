/**
 * The realtime channel's messages (WebSocket, `Resource.Realtime`): what a game client sends on
 * `$default` and what the server pushes. Pushed bodies are exactly what the matching GET route
 * returns for the receiving player, each with the item's `version` (a counter that grows with every
 * visible change), so a client keeps the highest version it has seen and drops the rest.
 */
import { once } from "@matchplace/core";
import * as z from "zod/mini";
import { errorBody } from "./common.js";
import { ticketView } from "./matchmaking.js";
import { partyView } from "./parties.js";
import { placementView } from "./placements.js";

/** Client → server: keepalive; answered with {@link pongMessage}. */
export const pingAction = /* @__PURE__ */ once(() =>
  z.strictObject({ action: z.literal("ping") }).check(z.meta({ id: "PingAction" })),
);
/** Client → server: ask for everything that is the player's; answered with {@link resyncMessage}. */
export const resyncAction = /* @__PURE__ */ once(() =>
  z.strictObject({ action: z.literal("resync") }).check(z.meta({ id: "ResyncAction" })),
);
/** Every message a client may send. */
export const clientMessage = /* @__PURE__ */ once(() =>
  z.discriminatedUnion("action", [pingAction(), resyncAction()]).check(z.meta({ id: "ClientMessage" })),
);

/** A ticket of the player changed (the body of GET /v1/matchmaking/{ticketId} for this player). */
export const ticketUpdatedMessage = /* @__PURE__ */ once(() =>
  z.object({ type: z.literal("ticket.updated"), ticket: ticketView() }).check(z.meta({ id: "TicketUpdatedMessage" })),
);
/** A placement of the player changed (the body of GET /v1/placements/{placementId} for this player). */
export const placementUpdatedMessage = /* @__PURE__ */ once(() =>
  z
    .object({ type: z.literal("placement.updated"), placement: placementView() })
    .check(z.meta({ id: "PlacementUpdatedMessage" })),
);
/** The player's party changed (the body of GET /v1/parties/{partyId}). */
export const partyUpdatedMessage = /* @__PURE__ */ once(() =>
  z.object({ type: z.literal("party.updated"), party: partyView() }).check(z.meta({ id: "PartyUpdatedMessage" })),
);
/** Answer to `ping`; `time` is the server's clock (ISO 8601). */
export const pongMessage = /* @__PURE__ */ once(() =>
  z.object({ type: z.literal("pong"), time: z.string() }).check(z.meta({ id: "PongMessage" })),
);
/** Answer to `resync`: the player's current ticket, latest placement and party (null when none). */
export const resyncMessage = /* @__PURE__ */ once(() =>
  z
    .object({
      type: z.literal("resync"),
      ticket: z.nullable(ticketView()),
      placement: z.nullable(placementView()),
      party: z.nullable(partyView()),
    })
    .check(z.meta({ id: "ResyncMessage" })),
);
/** A client message that could not be taken (malformed JSON, unknown action, too large). The connection stays open. */
export const errorMessage = /* @__PURE__ */ once(() =>
  z.object({ type: z.literal("error"), error: errorBody().shape.error }).check(z.meta({ id: "ErrorMessage" })),
);
/** Every message the server sends. */
export const serverMessage = /* @__PURE__ */ once(() =>
  z
    .discriminatedUnion("type", [
      ticketUpdatedMessage(),
      placementUpdatedMessage(),
      partyUpdatedMessage(),
      pongMessage(),
      resyncMessage(),
      errorMessage(),
    ])
    .check(z.meta({ id: "ServerMessage" })),
);

/** A message the server sends. */
export type ServerMessage = z.output<ReturnType<typeof serverMessage>>;
/** A message a client sends. */
export type ClientMessage = z.output<ReturnType<typeof clientMessage>>;
