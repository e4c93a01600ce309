/**
 * The API Gateway WebSocket events the realtime handlers take (the parts they read). `@types/aws-lambda`
 * has no WebSocket event type with the authorizer context, so these are declared here.
 */

/** The `requestContext` of a WebSocket route event. */
interface WebSocketRequestContext {
  readonly routeKey: string;
  readonly eventType: "CONNECT" | "MESSAGE" | "DISCONNECT";
  readonly connectionId: string;
  readonly domainName: string;
  readonly stage: string;
  readonly requestId: string;
  readonly connectedAt: number;
  /** What the `$connect` authorizer returned in `context`, plus its `principalId`. */
  readonly authorizer?: { readonly principalId?: string; readonly playerId?: string };
  readonly disconnectStatusCode?: number;
  readonly disconnectReason?: string;
}

/** A `$connect`, `$disconnect` or `$default` event. */
export interface WebSocketEvent {
  readonly requestContext: WebSocketRequestContext;
  readonly body?: string;
  readonly isBase64Encoded?: boolean;
}

/** What a route handler returns to API Gateway. */
export interface WebSocketResult {
  readonly statusCode: number;
  readonly body?: string;
}

/** The player the `$connect` authorizer let in (its context value `playerId`). */
export function connectedPlayer(event: WebSocketEvent): string | undefined {
  const id = event.requestContext.authorizer?.playerId ?? event.requestContext.authorizer?.principalId;
  return typeof id === "string" && id.length > 0 ? id : undefined;
}
