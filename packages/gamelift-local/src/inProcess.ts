import { randomUUID } from "node:crypto";
import { ManualClock, type Clock } from "./clock/Clock.js";
import { engines as platformEngines } from "./engines/index.js";
import type { Engine } from "./engines/Engine.js";
import { forgetFinished, type ForgottenCounts } from "./engines/retention/forgetFinished.js";
import { UnknownOperationException } from "./errors.js";
import { operations } from "./operations/index.js";
import type { EmulatorContext, EmulatorSettings, IdSource, Notify } from "./engines/context.js";
import { Store } from "./store/Store.js";

/** Options of {@link createInProcessEmulator}; every one is optional. */
export interface InProcessEmulatorOptions {
  /** Default: a new `ManualClock` (virtual time that moves only when told). */
  readonly clock?: Clock;
  /** Default: random UUIDs; simulations pass a seeded source so runs repeat exactly. */
  readonly ids?: IdSource;
  /** Receives every SNS notification (matchmaking and placement events). Default: dropped. */
  readonly notify?: Notify;
  /** Receives FlexMatch events as objects instead of `notify` (no JSON round trip); read-only. */
  readonly notifyEvent?: (topicArn: string, event: Readonly<Record<string, unknown>>) => void;
  /** Default `us-east-1`. */
  readonly region?: string;
  /** Default `123456789012`. */
  readonly accountId?: string;
  /** Engine tunables (fleet activation time, player session timeout, ...). */
  readonly settings?: Partial<Omit<EmulatorSettings, "s3">>;
}

/** The emulator's operations and engines with no HTTP server: for simulations on virtual time. */
export interface InProcessEmulator {
  readonly context: EmulatorContext;
  /**
   * Runs one GameLift operation by name with a model-shaped input, exactly as the HTTP protocol
   * layer would after decoding (same validation, same `GameLiftError`s).
   * @throws UnknownOperationException for a name the emulator does not serve.
   */
  call(operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Runs every engine once at `clock.now()`, in the server's order. */
  tick(): Promise<void>;
  /** Drops finished tickets, matches, placements and sessions (see `forgetFinished`). */
  forgetFinished(): ForgottenCounts;
}

/**
 * The emulator in this process, without a port: operations are called directly and engines are
 * ticked explicitly, so a caller on a `ManualClock` can run hours of matchmaking in seconds.
 * @example
 * const clock = new ManualClock();
 * const emulator = createInProcessEmulator({ clock, notify: (_topic, message) => events.push(message) });
 * await emulator.call("CreateMatchmakingRuleSet", { Name: "duel", RuleSetBody: body });
 * clock.advance(1_000);
 * await emulator.tick();
 */
export function createInProcessEmulator(options: InProcessEmulatorOptions = {}): InProcessEmulator {
  const context: EmulatorContext = {
    store: new Store(),
    clock: options.clock ?? new ManualClock(),
    ids: options.ids ?? { uuid: () => randomUUID() },
    region: options.region ?? "us-east-1",
    accountId: options.accountId ?? "123456789012",
    notify: options.notify ?? (() => undefined),
    ...(options.notifyEvent ? { notifyEvent: options.notifyEvent } : {}),
    settings: { ...options.settings },
  };
  const engines: readonly Engine[] = platformEngines;
  return {
    context,
    async call(operation, input) {
      const op = operations[operation];
      if (!op) throw new UnknownOperationException(`Operation ${operation} is not supported.`);
      return op(input, context);
    },
    async tick() {
      for (const engine of engines) await engine.tick(context);
    },
    forgetFinished: () => forgetFinished(context),
  };
}
