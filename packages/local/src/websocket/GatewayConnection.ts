import { WebSocket, type RawData } from "ws";
import type { AuthorizerContext, ConnectionFacts } from "./events.js";

/** How a connection ended, as `$disconnect` reports it. */
export interface CloseInfo {
  readonly code: number;
  readonly reason: string;
}

/** One frame from the client, in the form the `$default` event carries it. */
interface InboundFrame {
  readonly body: string;
  readonly isBase64Encoded: boolean;
}

/** Options for {@link GatewayConnection}. */
export interface GatewayConnectionOptions {
  readonly ws: WebSocket;
  readonly facts: ConnectionFacts;
  readonly authorizer: AuthorizerContext;
  /** No frame in either direction for this long → close 1001 "Going away". */
  readonly idleTimeoutMs: number;
  /** The connection is closed 1001 "Going away" this long after it opened. */
  readonly maxConnectionMs: number;
  readonly now: () => number;
  /** Runs for each client frame, in order, never two at once for this connection. */
  readonly onMessage: (frame: InboundFrame) => Promise<void>;
  /** Called synchronously when the socket has closed (the connection is gone for the management API). */
  readonly onGone: () => void;
  /** Runs once after the socket closed, after every message before it. */
  readonly onDisconnect: (close: CloseInfo) => Promise<void>;
  readonly onError: (err: Error) => void;
}

/** Close reasons API Gateway reports for codes that carry none. */
const DEFAULT_REASONS: Record<number, string> = {
  1000: "Connection closed normally",
  1001: "Going away",
  1005: "Client-side close frame status not set",
  1006: "Connection was closed abnormally",
  1009: "Message too big",
};

/**
 * One accepted WebSocket connection of the local gateway: its facts and authorizer context, a queue
 * that runs its handler invocations one at a time in arrival order, the idle and lifetime timers, and the
 * close bookkeeping (a close the gateway starts is reported with the gateway's code and reason).
 */
export class GatewayConnection {
  public readonly facts: ConnectionFacts;
  public readonly authorizer: AuthorizerContext;
  /** Resolves once the socket has closed and `$disconnect` has run. */
  public readonly closed: Promise<void>;
  readonly #ws: WebSocket;
  readonly #o: GatewayConnectionOptions;
  #tail: Promise<void> = Promise.resolve();
  #lastActiveAt: number;
  #closing: CloseInfo | undefined;
  #gone = false;
  readonly #idle: NodeJS.Timeout;
  readonly #lifetime: NodeJS.Timeout;

  public constructor(o: GatewayConnectionOptions) {
    this.#o = o;
    this.#ws = o.ws;
    this.facts = o.facts;
    this.authorizer = o.authorizer;
    this.#lastActiveAt = o.facts.connectedAt;
    this.#idle = setTimeout(() => this.close(1001, "Going away"), o.idleTimeoutMs);
    this.#lifetime = setTimeout(() => this.close(1001, "Going away"), o.maxConnectionMs);
    this.#ws.on("message", (data: RawData, isBinary: boolean) => {
      this.#touch();
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer);
      // API Gateway hands binary frames to Lambda base64-encoded.
      const frame: InboundFrame = isBinary
        ? { body: buf.toString("base64"), isBase64Encoded: true }
        : { body: buf.toString("utf8"), isBase64Encoded: false };
      this.#enqueue(() => o.onMessage(frame));
    });
    this.#ws.on("error", (err: Error & { code?: string }) => {
      // ws has already answered an oversize message with close 1009, as API Gateway does.
      if (err.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH")
        this.#closing ??= { code: 1009, reason: DEFAULT_REASONS[1009] ?? "" };
      o.onError(err);
    });
    this.closed = new Promise<void>((resolve) => {
      this.#ws.once("close", (code: number, reason: Buffer) => {
        this.#gone = true;
        clearTimeout(this.#idle);
        clearTimeout(this.#lifetime);
        o.onGone();
        const text = reason.toString("utf8");
        const info = this.#closing ?? { code, reason: text || DEFAULT_REASONS[code] || "" };
        this.#enqueue(() => o.onDisconnect(info));
        void this.#tail.then(resolve);
      });
    });
  }

  /** The connection id (`requestContext.connectionId`). */
  public get id(): string {
    return this.facts.connectionId;
  }

  /** Epoch ms of the last frame in either direction (GetConnection's `lastActiveAt`). */
  public get lastActiveAt(): number {
    return this.#lastActiveAt;
  }

  /** Whether frames can still be sent (false from the moment a close starts). */
  public get isOpen(): boolean {
    return this.#closing === undefined && this.#ws.readyState === WebSocket.OPEN;
  }

  /** Sends one text frame (PostToConnection). */
  public send(data: Buffer): void {
    this.#touch();
    this.#ws.send(data, { binary: false });
  }

  /** Starts closing with `code` and `reason`; `$disconnect` reports them. Idempotent. */
  public close(code: number, reason: string): void {
    if (this.#closing) return;
    this.#closing = { code, reason: reason || DEFAULT_REASONS[code] || "" };
    this.#ws.close(code, reason);
  }

  /** Drops the TCP connection without a close handshake (a stuck peer at shutdown). */
  public terminate(): void {
    this.#ws.terminate();
  }

  #touch(): void {
    this.#lastActiveAt = this.#o.now();
    // refresh() would re-arm a cleared timer: only while the socket lives.
    if (!this.#gone) this.#idle.refresh();
  }

  /** Chains a task after the previous one; a task's failure is the task's own business (never breaks the chain). */
  #enqueue(task: () => Promise<void>): void {
    this.#tail = this.#tail.then(task).catch((err: unknown) => this.#o.onError(err as Error));
  }
}
