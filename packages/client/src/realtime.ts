/**
 * The realtime client: one WebSocket per player that hears of ticket, placement and party changes
 * as the server pushes them (contract: `schemas/realtime.ts`, docs/asyncapi.json), with REST polling
 * as the fallback while the socket is down.
 */
import * as z from "zod";
import type { MatchplaceClient, Party, Placement, Ticket } from "./client.js";
import { ApiError } from "./errors.js";
import { serverMessage, type ClientMessage, type ServerMessage } from "./schemas/realtime.js";

/**
 * The part of the WebSocket API this client uses; the browser's `WebSocket` and the `ws` package's
 * both fit. Handlers take `never` so either's event types can be assigned.
 */
export interface RealtimeSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
}
/** A WebSocket class (`globalThis.WebSocket`, `ws`'s `WebSocket`). */
export type WebSocketConstructor = new (url: string) => RealtimeSocket;

/** Options of {@link connectRealtime}. */
export interface RealtimeOptions {
  /** The WebSocket API's URL (`wss://…`; locally `websocket` in `.matchplace/local.json`). */
  readonly url: string;
  /** The player's JWT, or a function returning a fresh one (called on every (re)connect). Sent as `?token=`. */
  readonly token: string | (() => string | Promise<string>);
  /** A REST client for the polling fallback (and to tell an expired token from a dead network in browsers). */
  readonly api?: MatchplaceClient;
  /** Default: `globalThis.WebSocket`, else the `ws` package (loaded on first use only). */
  readonly WebSocket?: WebSocketConstructor;
  /** Poll through `api` while the socket is down (default true); false: push only. */
  readonly fallback?: boolean;
  /** Keepalive `ping` period (default 4 min, under API Gateway's 10 min idle timeout). */
  readonly pingIntervalMs?: number;
  /** A `ping` or `resync` unanswered for this long means a dead connection: drop it and reconnect (default 10 s). */
  readonly replyTimeoutMs?: number;
  /** Reconnect backoff: exponential from `minDelayMs` to `maxDelayMs`, with jitter (default 500 ms … 30 s). */
  readonly reconnect?: { readonly minDelayMs: number; readonly maxDelayMs: number };
  /** Aborting closes the connection. */
  readonly signal?: AbortSignal;
}

/** Where a watcher's update came from. */
export type UpdateSource = "push" | "resync" | "poll";

/** Options of {@link RealtimeConnection.watchTicket} / `watchPlacement`. */
export interface WatchOptions<T> {
  /** Called with every newer version, however it arrived. */
  readonly onChange?: (view: T, source: UpdateSource) => void;
  /** Reject with {@link WatchTimeoutError} after this long (default: never). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** A server message of one `type`. */
export type ServerMessageOf<T extends ServerMessage["type"]> = Extract<ServerMessage, { type: T }>;
/** The answer to `resync`. */
export type ResyncMessage = ServerMessageOf<"resync">;
/** What {@link RealtimeConnection.on} listeners receive, by event name. */
export type RealtimeEventMap = { [K in ServerMessage["type"]]: ServerMessageOf<K> } & {
  readonly open: undefined;
  readonly close: { readonly code: number; readonly reason: string };
  /** Something went wrong on this side: an invalid message, a failed handshake or poll, an auth error (`fatal`). */
  readonly failure: RealtimeError;
};

/** A player's realtime connection; see {@link connectRealtime}. */
export interface RealtimeConnection {
  /** Resolves with the ticket once it is COMPLETED, FAILED, CANCELLED or TIMED_OUT. */
  watchTicket(ticketId: string, options?: WatchOptions<Ticket>): Promise<Ticket>;
  /** Resolves with the placement once it is FULFILLED, FAILED, TIMED_OUT or CANCELLED. */
  watchPlacement(placementId: string, options?: WatchOptions<Placement>): Promise<Placement>;
  /** Listens to server messages (stale versions already dropped) and connection events; returns the unsubscribe. */
  on<K extends keyof RealtimeEventMap>(type: K, listener: (payload: RealtimeEventMap[K]) => void): () => void;
  /** Asks for the player's current ticket, placement and party (sent once the socket is open). */
  resync(): Promise<ResyncMessage>;
  readonly connected: boolean;
  /** Closes the socket for good; pending watchers reject with {@link RealtimeClosedError}. */
  close(): Promise<void>;
}

/** A problem of the realtime client; `fatal` ones end the connection. */
export class RealtimeError extends Error {
  public readonly fatal: boolean;
  public constructor(message: string, options: { readonly cause?: unknown; readonly fatal?: boolean } = {}) {
    super(message, { cause: options.cause });
    this.name = "RealtimeError";
    this.fatal = options.fatal ?? false;
  }
}
/** The handshake was refused with 401/403 (or the API refuses the token): the connection does not retry. */
export class RealtimeAuthError extends RealtimeError {
  public readonly status: number;
  public constructor(status: number, cause?: unknown) {
    super(`the realtime API refused the token (${status})`, { cause, fatal: true });
    this.name = "RealtimeAuthError";
    this.status = status;
  }
}
/** A server message that is not JSON or does not match the contract; it is ignored. */
export class InvalidMessageError extends RealtimeError {
  public constructor(detail: string) {
    super(`ignored an invalid server message: ${detail}`);
    this.name = "InvalidMessageError";
  }
}
/** The connection was closed by {@link RealtimeConnection.close} or its signal. */
export class RealtimeClosedError extends RealtimeError {
  public constructor() {
    super("the realtime connection is closed", { fatal: true });
    this.name = "RealtimeClosedError";
  }
}
/** A watcher's `timeoutMs` passed before a terminal status. */
export class WatchTimeoutError extends RealtimeError {
  public constructor(kind: string, id: string, last: string | undefined) {
    super(`${kind} ${id} did not end in time (last: ${last ?? "unknown"})`);
    this.name = "WatchTimeoutError";
  }
}

const optionsSchema = z.strictObject({
  url: z.string().regex(/^wss?:\/\//, "must be a ws:// or wss:// URL"),
  token: z.union([z.string().min(1), z.custom<() => string | Promise<string>>((v) => typeof v === "function")]),
  api: z.custom<MatchplaceClient>((v) => typeof v === "object" && v !== null).optional(),
  WebSocket: z.custom<WebSocketConstructor>((v) => typeof v === "function").optional(),
  fallback: z.boolean().default(true),
  pingIntervalMs: z.number().int().positive().default(240_000),
  replyTimeoutMs: z.number().int().positive().default(10_000),
  reconnect: z
    .strictObject({ minDelayMs: z.number().int().min(0), maxDelayMs: z.number().int().min(0) })
    .default({ minDelayMs: 500, maxDelayMs: 30_000 }),
  signal: z.custom<AbortSignal>((v) => typeof v === "object" && v !== null && "aborted" in v).optional(),
});
type Resolved = z.output<typeof optionsSchema>;

const terminal = {
  ticket: new Set(["COMPLETED", "FAILED", "CANCELLED", "TIMED_OUT"]),
  placement: new Set(["FULFILLED", "FAILED", "TIMED_OUT", "CANCELLED"]),
};
type Kind = "ticket" | "placement" | "party";
type View = Ticket | Placement | Party;
/** Handshake failures in a row before a browser (which hides the status) asks the REST API whether the token is good. */
const PROBE_AFTER_FAILURES = 3;
const OPEN = 1;

interface Watcher {
  readonly kind: "ticket" | "placement";
  readonly id: string;
  readonly onChange: ((view: never, source: UpdateSource) => void) | undefined;
  readonly settle: (outcome: { view: View } | { error: unknown }) => void;
  last?: string;
  polling: boolean;
  failures: number;
  wake?: () => void;
}

/** Exponential backoff with "equal jitter": between half and all of min·2^attempt, capped. */
function backoff(attempt: number, { minDelayMs, maxDelayMs }: Resolved["reconnect"]): number {
  const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

async function defaultWebSocket(): Promise<WebSocketConstructor> {
  const native = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (native) return native;
  // Only Node without a global WebSocket gets here, so browser bundles never load `ws`.
  const { WebSocket } = await import("ws");
  return WebSocket;
}

class Realtime implements RealtimeConnection {
  readonly #o: Resolved;
  readonly #versions = new Map<string, number>();
  readonly #latest = new Map<string, { view: View; source: UpdateSource }>();
  readonly #watchers = new Set<Watcher>();
  readonly #listeners = new Map<string, Set<(payload: never) => void>>();
  #resyncs: { resolve: (m: ResyncMessage) => void; reject: (e: unknown) => void }[] = [];
  #socket: RealtimeSocket | undefined;
  #socketClosed: Promise<void> = Promise.resolve();
  #connected = false;
  #ended: RealtimeError | undefined;
  #failures = 0;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #pingTimer: ReturnType<typeof setInterval> | undefined;
  #replyTimer: ReturnType<typeof setTimeout> | undefined;

  public constructor(options: RealtimeOptions) {
    const parsed = optionsSchema.safeParse(options);
    if (!parsed.success)
      throw new RealtimeError(
        `connectRealtime: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
        { fatal: true },
      );
    this.#o = parsed.data;
    const { signal } = this.#o;
    if (signal?.aborted) void this.close();
    signal?.addEventListener("abort", () => void this.close(), { once: true });
    void this.#connect();
  }

  public get connected(): boolean {
    return this.#connected;
  }

  public watchTicket(ticketId: string, options: WatchOptions<Ticket> = {}): Promise<Ticket> {
    return this.#watch("ticket", ticketId, options) as Promise<Ticket>;
  }

  public watchPlacement(placementId: string, options: WatchOptions<Placement> = {}): Promise<Placement> {
    return this.#watch("placement", placementId, options) as Promise<Placement>;
  }

  public on<K extends keyof RealtimeEventMap>(type: K, listener: (payload: RealtimeEventMap[K]) => void): () => void {
    const set = this.#listeners.get(type) ?? new Set();
    this.#listeners.set(type, set);
    set.add(listener);
    return () => void set.delete(listener);
  }

  public resync(): Promise<ResyncMessage> {
    if (this.#ended) return Promise.reject(this.#ended);
    return new Promise((resolve, reject) => {
      this.#resyncs.push({ resolve, reject });
      if (this.#connected) this.#send({ action: "resync" });
    });
  }

  public close(): Promise<void> {
    this.#end(new RealtimeClosedError());
    return this.#socketClosed;
  }

  #emit<K extends keyof RealtimeEventMap>(type: K, payload: RealtimeEventMap[K]): void {
    for (const listener of this.#listeners.get(type) ?? []) (listener as (p: RealtimeEventMap[K]) => void)(payload);
  }

  #send(message: ClientMessage): void {
    if (this.#socket?.readyState !== OPEN) return;
    this.#socket.send(JSON.stringify(message));
    // A socket can stay open while nothing behind it answers; only an answer proves the connection works.
    this.#replyTimer ??= setTimeout(() => this.#unanswered(message.action), this.#o.replyTimeoutMs);
  }

  #unanswered(action: string): void {
    const socket = this.#socket;
    if (!socket) return;
    this.#emit("failure", new RealtimeError(`no answer to ${action} in ${this.#o.replyTimeoutMs} ms; reconnecting`));
    // Do not wait for the closing handshake of a dead connection: treat it as closed now (its late onclose is ignored).
    socket.close(4000, "no answer");
    this.#onClose(true, { code: 4000, reason: "no answer" }, undefined);
  }

  /** Stops everything: timers, socket, watchers and pending resyncs (they reject with `reason`). */
  #end(reason: RealtimeError): void {
    if (this.#ended) return;
    this.#ended = reason;
    clearTimeout(this.#reconnectTimer);
    clearInterval(this.#pingTimer);
    clearTimeout(this.#replyTimer);
    this.#socket?.close(1000);
    for (const w of [...this.#watchers]) w.settle({ error: reason });
    for (const r of this.#resyncs.splice(0)) r.reject(reason);
  }

  async #connect(): Promise<void> {
    if (this.#ended) return;
    let socket: RealtimeSocket;
    let token = "";
    try {
      const Socket = this.#o.WebSocket ?? (await defaultWebSocket());
      token = typeof this.#o.token === "function" ? await this.#o.token() : this.#o.token;
      if (this.#ended) return;
      const url = new URL(this.#o.url);
      url.searchParams.set("token", token);
      socket = new Socket(url.toString());
    } catch (err) {
      this.#emit("failure", new RealtimeError(`cannot open the socket: ${redact(err, token)}`));
      this.#retry();
      return;
    }
    this.#socket = socket;
    let opened = false;
    let error: string | undefined;
    let markClosed = (): void => undefined;
    this.#socketClosed = new Promise((resolve) => (markClosed = resolve));
    socket.onopen = () => {
      opened = true;
      this.#onOpen();
    };
    socket.onmessage = (event: { data: unknown }) => {
      if (this.#socket === socket) this.#onMessage(event.data);
    };
    socket.onerror = (event: { message?: unknown }) => (error = redact(event.message, token));
    socket.onclose = (event: { code: number; reason: string }) => {
      markClosed();
      if (this.#socket === socket) this.#onClose(opened, event, error);
    };
  }

  #onOpen(): void {
    this.#connected = true;
    this.#emit("open", undefined);
    for (const w of this.#watchers) w.wake?.();
    this.#pingTimer = setInterval(() => this.#send({ action: "ping" }), this.#o.pingIntervalMs);
    // Whatever changed while the socket was down: the resync answer, plus one read of watched items it does not cover.
    this.resync().then(
      (m) => {
        for (const w of this.#watchers)
          if (w.id !== (w.kind === "ticket" ? m.ticket?.ticketId : m.placement?.placementId)) void this.#pollOnce(w);
      },
      () => undefined, // the connection ended; watchers were told by #end
    );
  }

  #onClose(opened: boolean, event: { code: number; reason: string }, error: string | undefined): void {
    this.#socket = undefined;
    this.#connected = false;
    clearInterval(this.#pingTimer);
    clearTimeout(this.#replyTimer);
    this.#replyTimer = undefined;
    this.#emit("close", { code: event.code, reason: event.reason });
    if (this.#ended) return;
    // `ws` reports a refused handshake as "Unexpected server response: 401"; browsers tell nothing.
    const status = opened ? undefined : Number(/Unexpected server response: (\d{3})/.exec(error ?? "")?.[1]);
    if (status === 401 || status === 403) {
      this.#authFailed(status);
      return;
    }
    if (!opened)
      this.#emit("failure", new RealtimeError(`handshake failed${error ? `: ${error}` : ""} (close ${event.code})`));
    for (const w of this.#watchers) void this.#poll(w);
    this.#retry();
  }

  #authFailed(status: number, cause?: unknown): void {
    const error = new RealtimeAuthError(status, cause);
    this.#emit("failure", error);
    this.#end(error);
  }

  #retry(): void {
    if (this.#ended) return;
    this.#failures += 1;
    if (this.#failures === PROBE_AFTER_FAILURES && this.#o.api) {
      this.#o.api.getMe().catch((err: unknown) => {
        if (err instanceof ApiError && (err.status === 401 || err.status === 403)) this.#authFailed(err.status, err);
      });
    }
    this.#reconnectTimer = setTimeout(() => void this.#connect(), backoff(this.#failures - 1, this.#o.reconnect));
  }

  #onMessage(data: unknown): void {
    let json: unknown;
    try {
      json = JSON.parse(String(data));
    } catch {
      this.#emit("failure", new InvalidMessageError("not JSON"));
      return;
    }
    const parsed = serverMessage().safeParse(json);
    if (!parsed.success) {
      this.#emit(
        "failure",
        new InvalidMessageError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")),
      );
      return;
    }
    const message: ServerMessage = parsed.data;
    if (message.type === "pong" || message.type === "resync") {
      clearTimeout(this.#replyTimer);
      this.#replyTimer = undefined;
      this.#failures = 0; // an answer, not an open handshake, is what ends the backoff
    }
    switch (message.type) {
      case "ticket.updated":
        if (this.#apply("ticket", message.ticket.ticketId, message.ticket, "push")) this.#emit(message.type, message);
        return;
      case "placement.updated":
        if (this.#apply("placement", message.placement.placementId, message.placement, "push"))
          this.#emit(message.type, message);
        return;
      case "party.updated":
        if (this.#apply("party", message.party.partyId, message.party, "push")) this.#emit(message.type, message);
        return;
      case "resync":
        if (message.ticket) this.#apply("ticket", message.ticket.ticketId, message.ticket, "resync");
        if (message.placement) this.#apply("placement", message.placement.placementId, message.placement, "resync");
        if (message.party) this.#apply("party", message.party.partyId, message.party, "resync");
        this.#emit("resync", message);
        for (const r of this.#resyncs.splice(0)) r.resolve(message);
        return;
      default:
        this.#emit(message.type, message as never);
    }
  }

  /** Keeps the highest version per item; false when `view` is stale or a duplicate. */
  #apply(kind: Kind, id: string, view: View, source: UpdateSource): boolean {
    const key = `${kind}:${id}`;
    if (view.version <= (this.#versions.get(key) ?? -Infinity)) return false;
    this.#versions.set(key, view.version);
    this.#latest.set(key, { view, source });
    for (const w of this.#watchers) if (`${w.kind}:${w.id}` === key) this.#notify(w, view, source);
    return true;
  }

  #notify(w: Watcher, view: View, source: UpdateSource): void {
    const status = (view as Ticket | Placement).status;
    w.last = status;
    try {
      w.onChange?.(view as never, source);
    } catch (error) {
      w.settle({ error });
      return;
    }
    if (terminal[w.kind].has(status)) w.settle({ view });
  }

  #watch(kind: "ticket" | "placement", id: string, options: WatchOptions<never>): Promise<View> {
    if (this.#ended) return Promise.reject(this.#ended);
    return new Promise((resolve, reject) => {
      const onAbort = (): void => w.settle({ error: options.signal?.reason ?? new RealtimeError("aborted") });
      const timer =
        options.timeoutMs === undefined
          ? undefined
          : setTimeout(() => w.settle({ error: new WatchTimeoutError(kind, id, w.last) }), options.timeoutMs);
      const w: Watcher = {
        kind,
        id,
        onChange: options.onChange,
        polling: false,
        failures: 0,
        settle: (outcome) => {
          if (!this.#watchers.delete(w)) return;
          clearTimeout(timer);
          options.signal?.removeEventListener("abort", onAbort);
          w.wake?.();
          if ("view" in outcome) resolve(outcome.view);
          else reject(outcome.error);
        },
      };
      this.#watchers.add(w);
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener("abort", onAbort, { once: true });
      const known = this.#latest.get(`${kind}:${id}`);
      if (known) this.#notify(w, known.view, known.source);
      void this.#poll(w);
    });
  }

  /** Polls `w` while the socket is down, honouring the item's retryAfterMs; ends once the socket is open. */
  async #poll(w: Watcher): Promise<void> {
    if (w.polling || !this.#o.fallback || !this.#o.api) return;
    w.polling = true;
    try {
      while (this.#watchers.has(w) && !this.#connected && !this.#ended) {
        const delay = await this.#pollOnce(w);
        if (delay === undefined || this.#connected) return;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          w.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        delete w.wake;
      }
    } finally {
      w.polling = false;
    }
  }

  /** One GET; returns how long to wait before the next, or undefined when the watcher ended. */
  async #pollOnce(w: Watcher): Promise<number | undefined> {
    const api = this.#o.api;
    if (!api || !this.#o.fallback || !this.#watchers.has(w)) return undefined;
    try {
      const view = w.kind === "ticket" ? await api.getTicket(w.id) : await api.getPlacement(w.id);
      w.failures = 0;
      this.#apply(w.kind, w.id, view, "poll");
      return view.retryAfterMs > 0 ? view.retryAfterMs : 1000;
    } catch (err) {
      // A 4xx other than 408/429 will not heal by asking again (gone, not the caller's, bad token).
      if (
        err instanceof ApiError &&
        err.status >= 400 &&
        err.status < 500 &&
        err.status !== 408 &&
        err.status !== 429
      ) {
        w.settle({ error: err });
        return undefined;
      }
      w.failures += 1;
      this.#emit("failure", new RealtimeError(`polling ${w.kind} ${w.id} failed`, { cause: err }));
      return err instanceof ApiError && err.retryAfterMs !== undefined
        ? err.retryAfterMs
        : backoff(w.failures, this.#o.reconnect);
    }
  }
}

/** An error's message without the token (a `ws` error can quote the URL). */
function redact(error: unknown, token: string): string {
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  return token ? message.split(encodeURIComponent(token)).join("[token]").split(token).join("[token]") : message;
}

/**
 * Connects a player to the realtime API and keeps the connection up: reconnects with backoff,
 * pings (an unanswered ping or resync counts as a drop), resyncs after every (re)connect, drops stale or repeated messages by `version`, and polls
 * the REST API (`api`) for watched items while the socket is down. A 401/403 handshake is final.
 * @example
 * const api = createClient({ baseUrl, token });
 * const live = connectRealtime({ url: websocketUrl, token, api });
 * const { ticketId } = await api.startMatchmaking({});
 * const ticket = await live.watchTicket(ticketId, { onChange: (t) => render(t.status) });
 * if (ticket.status === "COMPLETED") join(ticket.connection);
 * await live.close();
 */
export function connectRealtime(options: RealtimeOptions): RealtimeConnection {
  return new Realtime(options);
}
