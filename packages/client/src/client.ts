import { routes } from "@matchplace/functions/routes";
import type { z } from "zod";
import { ApiError } from "./errors.js";
import type { acceptMatchResponse, healthView, startPlacementResponse } from "./operations.js";
import type {
  MatchmakingSchemas,
  PlacementSchemas,
  partyView,
  placementView,
  playerView,
  startMatchmakingResponse,
  ticketView,
  updatePlayerBody,
} from "./schemas/index.js";

/** A ticket as the caller sees it. */
export type Ticket = z.output<ReturnType<typeof ticketView>>;
/** A party as its members see it. */
export type Party = z.output<ReturnType<typeof partyView>>;
/** The caller's profile. */
export type Player = z.output<ReturnType<typeof playerView>>;
/** A placement as one of its players sees it. */
export type Placement = z.output<ReturnType<typeof placementView>>;
// The request bodies below are built per stage from its matchmaking catalog; their types do not depend on it.
/** Body of startMatchmaking. */
export type StartMatchmakingRequest = z.input<MatchmakingSchemas["startMatchmakingBody"]>;
/** Body of startPlacement. */
export type StartPlacementRequest = z.input<PlacementSchemas["startPlacementBody"]>;
/** Body of updateMe. */
type UpdatePlayerRequest = z.input<ReturnType<typeof updatePlayerBody>>;

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** e.g. `http://127.0.0.1:3000` (no trailing `/v1`). */
  readonly baseUrl: string;
  /** The player's JWT, or a function returning a fresh one. */
  readonly token?: string | (() => string | Promise<string>);
  /** Custom fetch (tests). Default: global fetch. */
  readonly fetch?: typeof fetch;
}

/** Per-call options of mutating methods. */
export interface WriteOptions {
  readonly idempotencyKey?: string;
}

/** A conditional GET's answer: the body, or `notModified` when the ETag still matched. */
export type Conditional<T> =
  | { readonly notModified: false; readonly data: T; readonly etag: string | undefined }
  | { readonly notModified: true; readonly etag: string | undefined };

/** Options of {@link MatchplaceClient.waitForTicket}. */
export interface WaitOptions {
  /** Stop when this returns true (default: a terminal status). */
  readonly until?: (ticket: Ticket) => boolean;
  /** Give up after this long (default 120 s). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Called on every change. */
  readonly onChange?: (ticket: Ticket) => void;
}

const terminal = new Set(["COMPLETED", "FAILED", "CANCELLED", "TIMED_OUT"]);

/** The id of a route the client calls: the player API and the public routes (not the game servers'). */
type ClientOperationId = Exclude<(typeof routes)[number], { readonly auth: "iam" }>["operationId"];

/**
 * Method and path of an operation, from the one route table (`@matchplace/functions/routes`), with its
 * `{name}` path parameters filled in (URI-encoded) from `params`.
 */
function endpoint(id: ClientOperationId, params: Readonly<Record<string, string>> = {}): [string, string] {
  const route = routes.find((r) => r.operationId === id);
  if (route === undefined) throw new Error(`no route with operationId ${id}`);
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${id}: path parameter ${name} missing`);
    return encodeURIComponent(value);
  });
  return [route.method, path];
}

/** The typed player API client; see {@link createClient}. */
export type MatchplaceClient = ReturnType<typeof createClient>;

/**
 * A typed fetch client with a method per route; non-2xx answers throw {@link ApiError}.
 * @example
 * const api = createClient({ baseUrl: "http://127.0.0.1:3000", token });
 * const { ticketId } = await api.startMatchmaking({ latencyInMs: { "us-east-1": 40 } });
 * const ticket = await api.waitForTicket(ticketId);
 */
export function createClient(options: ClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, "");

  async function request<T>(
    [method, path]: [string, string],
    init: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; data: T; headers: Headers }> {
    const token = typeof options.token === "function" ? await options.token() : options.token;
    const headers: Record<string, string> = { accept: "application/json", ...init.headers };
    if (token) headers["authorization"] = `Bearer ${token}`;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    const res = await doFetch(`${base}${path}`, {
      method,
      headers,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (res.status >= 400) {
      const err = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
      const retryAfter = res.headers.get("retry-after");
      throw new ApiError(
        res.status,
        err?.code ?? "HTTP_ERROR",
        err?.message ?? res.statusText,
        err?.details,
        retryAfter ? Number(retryAfter) * 1000 : undefined,
      );
    }
    return { status: res.status, data: parsed as T, headers: res.headers };
  }
  const write = (o?: WriteOptions): Record<string, string> =>
    o?.idempotencyKey ? { "idempotency-key": o.idempotencyKey } : {};

  async function conditional<T>(at: [string, string], etag?: string): Promise<Conditional<T>> {
    const r = await request<T>(at, { headers: etag ? { "if-none-match": etag } : {} });
    const tag = r.headers.get("etag") ?? undefined;
    return r.status === 304 ? { notModified: true, etag: tag } : { notModified: false, data: r.data, etag: tag };
  }

  const client = {
    /** GET /v1/health */
    health: async () => (await request<z.output<typeof healthView>>(endpoint("getHealth"))).data,
    /** GET /v1/openapi.json */
    openapi: async () => (await request<Record<string, unknown>>(endpoint("getOpenApi"))).data,
    /** GET /v1/players/me */
    getMe: async () => (await request<Player>(endpoint("getMe"))).data,
    /** PATCH /v1/players/me */
    updateMe: async (body: UpdatePlayerRequest, o?: WriteOptions) =>
      (await request<Player>(endpoint("updateMe"), { body, headers: write(o) })).data,
    /** POST /v1/parties */
    createParty: async (o?: WriteOptions) =>
      (await request<Party>(endpoint("createParty"), { body: {}, headers: write(o) })).data,
    /** POST /v1/parties/join */
    joinParty: async (code: string, o?: WriteOptions) =>
      (await request<Party>(endpoint("joinParty"), { body: { code }, headers: write(o) })).data,
    /** GET /v1/parties/{partyId} */
    getParty: async (partyId: string) => (await request<Party>(endpoint("getParty", { partyId }))).data,
    /** DELETE /v1/parties/{partyId}/members/me */
    leaveParty: async (partyId: string, o?: WriteOptions) =>
      void (await request<undefined>(endpoint("leaveParty", { partyId }), { headers: write(o) })),
    /** POST /v1/matchmaking */
    startMatchmaking: async (body: StartMatchmakingRequest = {}, o?: WriteOptions) =>
      (
        await request<z.output<ReturnType<typeof startMatchmakingResponse>>>(endpoint("startMatchmaking"), {
          body,
          headers: write(o),
        })
      ).data,
    /** GET /v1/matchmaking/current */
    getCurrentTicket: async () => (await request<Ticket>(endpoint("getCurrentTicket"))).data,
    /** GET /v1/matchmaking/{ticketId} */
    getTicket: async (ticketId: string) => (await request<Ticket>(endpoint("getTicket", { ticketId }))).data,
    /** GET /v1/matchmaking/{ticketId} with If-None-Match. */
    getTicketIfChanged: (ticketId: string, etag?: string) =>
      conditional<Ticket>(endpoint("getTicket", { ticketId }), etag),
    /** POST /v1/matchmaking/{ticketId}/accept */
    acceptMatch: async (ticketId: string, accept: boolean, o?: WriteOptions) =>
      (
        await request<z.output<typeof acceptMatchResponse>>(endpoint("acceptMatch", { ticketId }), {
          body: { accept },
          headers: write(o),
        })
      ).data,
    /** DELETE /v1/matchmaking/{ticketId} */
    stopMatchmaking: async (ticketId: string, o?: WriteOptions) =>
      void (await request<undefined>(endpoint("stopMatchmaking", { ticketId }), { headers: write(o) })),
    /** POST /v1/placements */
    startPlacement: async (body: StartPlacementRequest, o?: WriteOptions) =>
      (await request<z.output<typeof startPlacementResponse>>(endpoint("startPlacement"), { body, headers: write(o) }))
        .data,
    /** GET /v1/placements/{placementId} */
    getPlacement: async (placementId: string) =>
      (await request<Placement>(endpoint("getPlacement", { placementId }))).data,
    /** GET /v1/placements/{placementId} with If-None-Match. */
    getPlacementIfChanged: (placementId: string, etag?: string) =>
      conditional<Placement>(endpoint("getPlacement", { placementId }), etag),
    /** DELETE /v1/placements/{placementId} */
    stopPlacement: async (placementId: string, o?: WriteOptions) =>
      void (await request<undefined>(endpoint("stopPlacement", { placementId }), { headers: write(o) })),

    /**
     * Polls a ticket with ETags, honouring the server's retryAfterMs (and Retry-After on 429/503),
     * until `until` holds (default: terminal).
     */
    async waitForTicket(ticketId: string, o: WaitOptions = {}): Promise<Ticket> {
      const until = o.until ?? ((t: Ticket) => terminal.has(t.status));
      const deadline = Date.now() + (o.timeoutMs ?? 120_000);
      let etag: string | undefined;
      let last: Ticket | undefined;
      for (;;) {
        if (o.signal?.aborted) throw o.signal.reason ?? new Error("aborted");
        let delay = 1000;
        try {
          const r = await client.getTicketIfChanged(ticketId, etag);
          etag = r.etag;
          if (!r.notModified) {
            last = r.data;
            o.onChange?.(r.data);
            if (until(r.data)) return r.data;
          }
          delay = last?.retryAfterMs || 1000;
        } catch (err) {
          if (!(err instanceof ApiError) || (err.status !== 429 && err.status !== 503)) throw err;
          delay = err.retryAfterMs ?? 2000;
        }
        if (Date.now() + delay > deadline)
          throw new Error(
            `ticket ${ticketId} did not reach the wanted state in time (last: ${last?.status ?? "unknown"})`,
          );
        await new Promise((r) => setTimeout(r, delay));
      }
    },
  };
  return client;
}
