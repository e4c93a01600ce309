import { retryAfterMs, ticketView, type Ticket } from "@matchplace/core";
import { etagOf, ifNoneMatchHits } from "../http/etag.js";
import type { HttpResult } from "../http/response.js";

/**
 * The 200 (or 304 when If-None-Match still matches) reply with the ticket as `playerId` sees it.
 * The ETag covers the view, not the poll hint, so an unchanged ticket stays 304 while the hint backs off.
 */
export function ticketReply(
  ticket: Ticket,
  playerId: string,
  ifNoneMatch: string | undefined,
  now: number,
): HttpResult {
  const view = ticketView(ticket, playerId);
  const etag = etagOf(view);
  const hint = retryAfterMs(ticket, now);
  const headers = { etag, "x-retry-after-ms": String(hint) };
  if (ifNoneMatchHits(ifNoneMatch, etag)) return { status: 304, headers };
  return { status: 200, headers, body: { ...view, retryAfterMs: hint } };
}
