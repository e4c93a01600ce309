import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { SystemClock, type Clock } from "./clock/Clock.js";
import { engines as platformEngines } from "./engines/index.js";
import type { Engine } from "./engines/Engine.js";
import { operations as platformOperations } from "./operations/index.js";
import type { Operation } from "./operations/types.js";
import type { EmulatorContext, EmulatorSettings, IdSource, Notify } from "./engines/context.js";
import { loadSnapshot, saveSnapshot } from "./persist.js";
import { createRequestHandler } from "./protocol/handler.js";
import { startLocalS3, type LocalS3 } from "./s3/localS3.js";
import { Store } from "./store/Store.js";
import { FaultSwitch, type EmulatorFaults } from "./faults.js";
import { ThrottlingException } from "./errors.js";
import { faultsAdmin } from "./faultsAdmin.js";
import { startPingBeacons, type PingBeaconOptions } from "./beacons/pingBeacons.js";
import { serveGameSessionLog } from "./gameSessionLogs.js";

/** Options of `startGameLiftEmulator`; every one is optional. */
export interface GameLiftEmulatorOptions {
  /** TCP port; 0 picks a free one. Default 9080. */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Default `us-east-1`. */
  readonly region?: string;
  /** Default `123456789012`. */
  readonly accountId?: string;
  /** Default `SystemClock`; tests pass a `ManualClock`. */
  readonly clock?: Clock;
  /** SNS publish for queue/matchmaking events. Default: events are dropped. */
  readonly notify?: Notify;
  /** Default: random UUIDs from node:crypto. */
  readonly ids?: IdSource;
  /** Real-time engine loop period. Default 200; 0 = never tick by itself (call `tick()`). */
  readonly tickIntervalMs?: number;
  /** Directory for `gamelift.json`: loaded on start, written periodically and on close. */
  readonly persistDir?: string;
  /** Period of the snapshot writes while running. Default 5000. */
  readonly persistIntervalMs?: number;
  /** Extra or replacement operations, by name. */
  readonly extraOperations?: Record<string, Operation>;
  /** Extra engines, ticked after the built-in ones. */
  readonly extraEngines?: Engine[];
  /** Engine tunables (fleet activation time, upload credential lifetime, ...). */
  readonly settings?: Partial<Omit<EmulatorSettings, "s3">>;
  /** Lifetime of build upload credentials (shorthand for `settings.uploadCredentialsTtlMs`). Default 15 min. */
  readonly uploadCredentialsTtlMs?: number;
  /** Start a local S3 (s3rver behind an authorizing proxy) for build uploads on this port (0 = free). */
  readonly s3?: { readonly port?: number; readonly directory?: string };
  /** Told about unexpected (non-GameLift) exceptions thrown by operations and engines. */
  readonly onError?: (err: unknown, where: string) => void;
  /** Fault knobs at start (throttle, drop, duplicate, delay, reorder, maxDelayMs); see `faults.ts`. */
  readonly faults?: Partial<EmulatorFaults>;
  /** Randomness for the fault knobs (tests pass a seeded one). */
  readonly random?: () => number;
  /**
   * Run a UDP echo ping beacon per location on `host` (started when ListLocations first shows the
   * location), answering after that location's delay; ListLocations then gives these endpoints.
   */
  readonly pingBeacons?: PingBeaconOptions;
}

/** A running emulator. */
export interface GameLiftEmulator {
  /** `http://<host>:<port>`, the endpoint to give SDK clients. */
  readonly url: string;
  readonly port: number;
  readonly context: EmulatorContext;
  /** The local S3 endpoint (`http://host:port`), when started with `s3`. */
  readonly s3Url?: string;
  /** Fault knobs in force (also `GET|PUT /local/faults` on the emulator's port). */
  readonly faults: FaultSwitch;
  /** Runs every engine once at `clock.now()`. */
  tick(): Promise<void>;
  /** Stops the loop and the HTTP server, and writes the snapshot when persisting. */
  close(): Promise<void>;
}

const ms = z.number().int().min(0);
const gameServerBehaviour = z.strictObject({
  matchSeconds: z
    .strictObject({ min: z.number().min(0), max: z.number().min(0) })
    .refine((m) => m.min <= m.max, "matchSeconds.min must not exceed matchSeconds.max"),
  leaveShare: z.number().min(0).max(1).optional(),
});

const optionsSchema = z.strictObject({
  port: z.number().int().min(0).max(65535).optional(),
  host: z.string().min(1).optional(),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/)
    .optional(),
  accountId: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  clock: z.custom<Clock>((v) => typeof (v as Clock | undefined)?.now === "function").optional(),
  notify: z.custom<Notify>((v) => typeof v === "function").optional(),
  ids: z.custom<IdSource>((v) => typeof (v as IdSource | undefined)?.uuid === "function").optional(),
  tickIntervalMs: z.number().int().min(0).optional(),
  persistDir: z.string().min(1).optional(),
  persistIntervalMs: z.number().int().min(1).optional(),
  extraOperations: z
    .record(
      z.string(),
      z.custom<Operation>((v) => typeof v === "function"),
    )
    .optional(),
  extraEngines: z.array(z.custom<Engine>((v) => typeof (v as Engine | undefined)?.tick === "function")).optional(),
  settings: z
    .strictObject({
      fleetStatusDurationsMs: z
        .strictObject({ NEW: ms, DOWNLOADING: ms, VALIDATING: ms, BUILDING: ms, ACTIVATING: ms })
        .optional(),
      gameSessionActivationMs: ms.optional(),
      playerSessionTimeoutMs: ms.optional(),
      uploadCredentialsTtlMs: z.number().int().min(1).optional(),
      instanceActivationMs: ms.optional(),
      scalingIntervalMs: z.number().int().min(1).optional(),
      gameServers: gameServerBehaviour.optional(),
      gameServersByFleet: z.record(z.string(), gameServerBehaviour).optional(),
    })
    .optional(),
  uploadCredentialsTtlMs: z.number().int().min(1).optional(),
  s3: z
    .strictObject({ port: z.number().int().min(0).max(65535).optional(), directory: z.string().min(1).optional() })
    .optional(),
  onError: z.custom<(err: unknown, where: string) => void>((v) => typeof v === "function").optional(),
  faults: z.record(z.string(), z.number()).optional(),
  random: z.custom<() => number>((v) => typeof v === "function").optional(),
  pingBeacons: z
    .strictObject({
      host: z.string().min(1).optional(),
      latencyMs: z.record(z.string(), z.number().min(0).max(60_000)).optional(),
      defaultLatencyMs: z.number().min(0).max(60_000).optional(),
    })
    .optional(),
});

/**
 * Starts the GameLift emulator on HTTP (AWS JSON 1.1 and Smithy RPC v2 CBOR).
 * @example
 * const emulator = await startGameLiftEmulator({ port: 0, clock: new ManualClock(), tickIntervalMs: 0 });
 * const gamelift = new GameLiftClient({ endpoint: emulator.url, region: "us-east-1", credentials });
 * await emulator.tick();
 * await emulator.close();
 */
export async function startGameLiftEmulator(options: GameLiftEmulatorOptions = {}): Promise<GameLiftEmulator> {
  const o = optionsSchema.parse(options);
  const store = new Store();
  const faults = new FaultSwitch(o.faults, o.random);
  const reportError = o.onError ?? (() => undefined);
  const settings: { -readonly [K in keyof EmulatorSettings]?: EmulatorSettings[K] } = { ...o.settings };
  if (o.uploadCredentialsTtlMs !== undefined) settings.uploadCredentialsTtlMs = o.uploadCredentialsTtlMs;
  const context: EmulatorContext = {
    store,
    clock: o.clock ?? new SystemClock(),
    ids: o.ids ?? { uuid: () => randomUUID() },
    region: o.region ?? "us-east-1",
    accountId: o.accountId ?? "123456789012",
    notify: faults.wrapNotify(o.notify ?? (() => undefined), (err) => reportError(err, "notify")),
    settings,
  };
  if (o.persistDir) await loadSnapshot(o.persistDir, store);
  const onError = o.onError ?? (() => undefined);
  const host = o.host ?? "127.0.0.1";
  let s3: LocalS3 | undefined;
  if (o.s3) {
    const directory = o.s3.directory ?? (o.persistDir ? join(o.persistDir, "s3") : undefined);
    s3 = await startLocalS3({
      ctx: context,
      port: o.s3.port ?? 4569,
      host,
      directory,
      onError: (err) => onError(err, "s3"),
    });
    settings.s3 = s3;
  }
  const beacons = o.pingBeacons ? startPingBeacons({ host, ...o.pingBeacons }) : undefined;
  if (beacons) settings.pingBeacons = beacons;
  const engines = [...platformEngines, ...(o.extraEngines ?? [])];
  const handler = createRequestHandler({
    ctx: context,
    operations: { ...platformOperations, ...o.extraOperations },
    onUnexpectedError: (err, op) => onError(err, op),
    beforeOperation: () => {
      if (faults.throttleNow()) throw new ThrottlingException("Rate exceeded");
    },
  });

  let running: Promise<void> = Promise.resolve();
  let queued = 0;
  const runEngines = async (): Promise<void> => {
    try {
      for (const engine of engines) await engine.tick(context);
    } finally {
      queued--;
    }
  };
  // Ticks are serialized: a tick asked for while one runs starts after it.
  const tick = (): Promise<void> => {
    queued++;
    running = running.then(runEngines, runEngines);
    return running;
  };

  const server = createServer((req, res) => {
    if (req.url?.startsWith("/local/game-session-logs/")) {
      serveGameSessionLog(context, req, res);
      return;
    }
    if (req.url?.startsWith("/local/")) {
      faultsAdmin(faults, req, res);
      return;
    }
    handler(req, res).catch((err: unknown) => {
      onError(err, "http");
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(o.port ?? 9080, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (err) {
    await s3?.close();
    await beacons?.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  settings.publicUrl = url;

  const timers: NodeJS.Timeout[] = [];
  let saving: Promise<void> = Promise.resolve();
  const interval = o.tickIntervalMs ?? 200;
  // The loop skips a beat while a tick is still running, so slow ticks never pile up.
  const loop = (): void => {
    if (queued === 0) void tick().catch((err: unknown) => onError(err, "tick"));
  };
  if (interval > 0) timers.push(setInterval(loop, interval));
  const persistDir = o.persistDir;
  if (persistDir) {
    // Writes are chained so two never race on the temp file.
    const save = (): void => {
      saving = saving.then(() => saveSnapshot(persistDir, store)).catch((err: unknown) => onError(err, "persist"));
    };
    timers.push(setInterval(save, o.persistIntervalMs ?? 5000));
  }

  const close = async (): Promise<void> => {
    for (const t of timers) clearInterval(t);
    faults.discardPending();
    await running.catch(() => undefined);
    await new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    });
    await saving;
    await s3?.close();
    await beacons?.close();
    if (persistDir) await saveSnapshot(persistDir, store);
  };

  return { url, port, context, s3Url: s3?.endpoint, faults, tick, close };
}
