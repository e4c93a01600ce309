import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readdir, readFile, stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Logger } from "@aws-lambda-powertools/logger";
import { GameLiftClient } from "@aws-sdk/client-gamelift";
import { buildAssets, indexHtml, type DashboardAssets } from "./assets.js";
import type { DashboardBus } from "./DashboardBus.js";
import { DashboardModel } from "./DashboardModel.js";
import { readCapacity, readPlayerAttributes } from "./gameLiftReads.js";
import { startStreamFeed } from "./streamFeed.js";
import type { FaultsView, ReportView } from "./types.js";

/** Options for {@link startDashboard}. */
export interface DashboardOptions {
  /** 0 picks a free port. Always bound to 127.0.0.1. */
  readonly port: number;
  readonly bus: DashboardBus;
  readonly logger: Logger;
  readonly region: string;
  /** The stage's endpoints the dashboard reads and whose knobs it forwards to. */
  readonly endpoints: { readonly sns: string; readonly gamelift: string; readonly dynamodb: string };
  readonly tableName: string;
  /** The SNS dead-letter queue, read in process. */
  readonly deadLetters: () => readonly { id: string; messageId: string; error: string; failedAt: string }[];
  /** The fault knobs in force, read in process. */
  readonly faults: () => FaultsView;
  /** Where `matchplace simulate` writes its HTML reports (`.matchplace/`). */
  readonly reportsDir: string;
  /** How often capacity, dead letters, faults and reports are read while a page is open (default 1 s). */
  readonly readIntervalMs?: number;
}

/** The running dashboard. */
export interface Dashboard {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  close(): Promise<void>;
}

const PUSH_MS = 250;
const localCredentials = { accessKeyId: "local", secretAccessKey: "local" };

/**
 * Serves the local stage's live dashboard: one page (`/`, `/app.js`, `/app.css`, bundled on first
 * request), a Server-Sent Events stream of the whole view (`/events`, pushed at most every 250 ms
 * when something changed), and thin forwards to the stage's existing knobs (`PUT /api/faults/sns`,
 * `PUT /api/faults/gamelift`, `POST /api/dlq/redrive`), plus `.matchplace/*.html` reports under
 * `/reports/`. It observes only: the bus, a second reader of the table's stream, and read-only
 * GameLift calls while a page is open.
 *
 * @example
 * const dashboard = await startDashboard({ port: 3002, bus, logger, region, endpoints, tableName, deadLetters, faults, reportsDir });
 * console.log(dashboard.url);
 */
export async function startDashboard(o: DashboardOptions): Promise<Dashboard> {
  const log = o.logger.createChild({ persistentLogAttributes: { component: "dashboard" } });
  const model = new DashboardModel();
  const offBus = o.bus.subscribe((e) => model.apply(e));
  const feed = await startStreamFeed({
    endpoint: o.endpoints.dynamodb,
    region: o.region,
    tableName: o.tableName,
    bus: o.bus,
    logger: o.logger,
  });
  const gl = new GameLiftClient({
    endpoint: o.endpoints.gamelift,
    region: o.region,
    credentials: localCredentials,
    maxAttempts: 1,
  });
  const clients = new Set<ServerResponse>();
  let assets: Promise<DashboardAssets> | undefined;
  let sent = -1;

  const push = (): void => {
    if (clients.size === 0 || model.version === sent) return;
    sent = model.version;
    const frame = `data: ${JSON.stringify(model.view(Date.now()))}\n\n`;
    for (const res of clients) res.write(frame);
  };

  let reading = false;
  const read = async (): Promise<void> => {
    if (clients.size === 0 || reading) return;
    reading = true;
    try {
      model.setFaults(o.faults());
      model.setDeadLetters(
        o
          .deadLetters()
          .slice(-20)
          .map(({ id, messageId, error, failedAt }) => ({ id, messageId, error, failedAt })),
      );
      model.setReports(await listReports(o.reportsDir));
      await readCapacity(gl).then(
        (capacity) => model.setCapacity(capacity),
        (err: unknown) => model.setCapacityError(err instanceof Error ? `${err.name}: ${err.message}` : String(err)),
      );
      const missing = model.playersWithoutAttributes();
      if (missing.length > 0) {
        // Throttled (a fault knob) or failed: asked again at the next read.
        const found = await readPlayerAttributes(gl, [...new Set(missing.map((m) => m.ticketId))]).catch(
          (err: unknown) => {
            log.debug("player attributes not read", { error: err as Error });
            return undefined;
          },
        );
        // A ticket GameLift no longer knows is asked about once, not every second.
        if (found) for (const { playerId } of missing) model.setAttributes(playerId, found.get(playerId) ?? "");
      }
    } catch (err) {
      log.warn("dashboard read failed", { error: err as Error });
    } finally {
      reading = false;
    }
  };

  const pushTimer = setInterval(push, PUSH_MS);
  const readTimer = setInterval(() => void read(), o.readIntervalMs ?? 1000);

  const forward = async (res: ServerResponse, url: string, method: string, body?: string): Promise<unknown> => {
    const answer = await fetch(url, { method, ...(body === undefined ? {} : { body }) });
    const payload: unknown = await answer.json();
    send(res, answer.status, payload);
    return answer.ok ? payload : undefined;
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Only pages of this very origin: a DNS-rebound name pointing at 127.0.0.1 does not get the view.
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(req.headers.host ?? ""))
      return send(res, 421, { error: { code: "MISDIRECTED", message: "open the dashboard at 127.0.0.1" } });
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const path = url.pathname;
    if (method === "GET" && path === "/") return send(res, 200, indexHtml, "text/html; charset=utf-8");
    if (method === "GET" && (path === "/app.js" || path === "/app.css")) {
      assets ??= buildAssets();
      const built = await assets.catch((err: unknown) => {
        assets = undefined; // let the next request try again (e.g. after fixing a syntax error in web/)
        throw err;
      });
      return path === "/app.js"
        ? send(res, 200, built.js, "text/javascript; charset=utf-8")
        : send(res, 200, built.css, "text/css; charset=utf-8");
    }
    if (method === "GET" && path === "/events") {
      res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        connection: "keep-alive",
      });
      res.write("retry: 1000\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
      sent = -1; // the newcomer gets the whole view at the next push
      void read();
      return;
    }
    if (method === "GET" && path === "/api/state") return send(res, 200, model.view(Date.now()));
    if (method === "PUT" && (path === "/api/faults/sns" || path === "/api/faults/gamelift")) {
      const target = path.endsWith("/sns") ? o.endpoints.sns : o.endpoints.gamelift;
      await forward(res, `${target}/local/faults`, "PUT", await readBody(req));
      model.setFaults(o.faults());
      return;
    }
    if (method === "POST" && path === "/api/dlq/redrive") {
      // A JSON content type cannot be sent cross-site without a preflight, which this server never grants.
      if (!(req.headers["content-type"] ?? "").startsWith("application/json"))
        return send(res, 415, { error: { code: "UNSUPPORTED_MEDIA_TYPE", message: "send application/json" } });
      const payload = (await forward(res, `${o.endpoints.sns}/local/dlq/redrive`, "POST")) as
        | { redriven?: number }
        | undefined;
      if (payload) o.bus.publish({ kind: "redrive", at: Date.now(), count: payload.redriven ?? 0 });
      return;
    }
    const report = /^\/reports\/([\w.-]+\.html)$/.exec(path)?.[1];
    if (method === "GET" && report) {
      const html = await readFile(join(o.reportsDir, report), "utf8").catch(() => undefined);
      return html === undefined
        ? send(res, 404, { error: { code: "NOT_FOUND", message: `no report ${report}` } })
        : send(res, 200, html, "text/html; charset=utf-8");
    }
    send(res, 404, { error: { code: "NOT_FOUND", message: `no dashboard route ${method} ${path}` } });
  };

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      log.error("dashboard request failed", { path: req.url, error: err as Error });
      if (!res.headersSent)
        send(res, 500, { error: { code: "INTERNAL", message: "the dashboard failed; see the stage's log" } });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      clearInterval(pushTimer);
      clearInterval(readTimer);
      offBus();
      for (const res of clients) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await feed.stop();
      gl.destroy();
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown, type = "application/json"): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff" });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

async function listReports(dir: string): Promise<ReportView[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /^[\w.-]+\.html$/.test(n)).sort();
  const out: ReportView[] = [];
  for (const name of names) {
    const s = await stat(join(dir, name)).catch(() => undefined);
    if (s?.isFile()) out.push({ name, bytes: s.size, modifiedAt: s.mtimeMs });
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
