/**
 * Counts what an SDK client sends, through the client's own middleware stack (no mock: the calls
 * still go to DynamoDB Local / the GameLift emulator). DynamoDB calls ask for
 * `ReturnConsumedCapacity: TOTAL`, so the meter also sums the request units DynamoDB reports.
 */
import type { InitializeMiddleware, MiddlewareStack } from "@smithy/types";

/** One call a client made. */
export interface MeteredCall {
  readonly service: "dynamodb" | "gamelift";
  /** SDK command name, e.g. `GetItemCommand`. */
  readonly command: string;
  /** DynamoDB reads: whether the read was strongly consistent. */
  readonly consistentRead?: boolean;
  /** Request units DynamoDB reported (read + write capacity units, summed over tables). */
  readonly units: number;
  /** The call failed (e.g. a conditional write that was refused). */
  readonly failed: boolean;
}

/** What one meter recorded; {@link Meter.take} returns the calls since the last take. */
export interface Meter {
  take(): MeteredCall[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Stack = MiddlewareStack<any, any>;

const capacityUnits = (c: unknown): number => {
  const list = (Array.isArray(c) ? c : c ? [c] : []) as { CapacityUnits?: number }[];
  return list.reduce((sum, x) => sum + (x.CapacityUnits ?? 0), 0);
};

/** Installs a counting middleware on each client's stack (replacing an earlier one). */
export function meterClients(clients: {
  readonly dynamodb?: readonly { middlewareStack: Stack }[];
  readonly gamelift?: readonly { middlewareStack: Stack }[];
}): Meter {
  let calls: MeteredCall[] = [];
  const install = (stack: Stack, service: MeteredCall["service"]): void => {
    const name = `matchplace-meter-${service}`;
    stack.remove(name);
    const middleware =
      (
        next: (args: { input: Record<string, unknown> }) => Promise<{ output?: { ConsumedCapacity?: unknown } }>,
        context: { commandName?: string },
      ) =>
      async (args: { input: Record<string, unknown> }) => {
        if (service === "dynamodb") args.input["ReturnConsumedCapacity"] = "TOTAL";
        const command = context.commandName ?? "unknown";
        const read = service === "dynamodb" && /^(GetItem|Query|BatchGetItem)Command$/.test(command);
        const consistency = read ? { consistentRead: args.input["ConsistentRead"] === true } : {};
        try {
          const out = await next(args);
          calls.push({
            service,
            command,
            ...consistency,
            units: capacityUnits(out.output?.ConsumedCapacity),
            failed: false,
          });
          return out;
        } catch (err) {
          calls.push({ service, command, ...consistency, units: 0, failed: true });
          throw err;
        }
      };
    stack.add(middleware as unknown as InitializeMiddleware<object, object>, { step: "initialize", name });
  };
  for (const c of clients.dynamodb ?? []) install(c.middlewareStack, "dynamodb");
  for (const c of clients.gamelift ?? []) install(c.middlewareStack, "gamelift");
  return {
    take: () => {
      const out = calls;
      calls = [];
      return out;
    },
  };
}

/** Calls grouped: `{ "dynamodb:GetItem(eventual)": 1, "gamelift:StartMatchmaking": 1 }`. */
export function tally(calls: readonly MeteredCall[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of calls) {
    const key = `${c.service}:${c.command.replace(/Command$/, "")}${c.consistentRead === undefined ? "" : c.consistentRead ? "(strong)" : "(eventual)"}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

/** Request units of the calls. */
export const unitsOf = (calls: readonly MeteredCall[]): number => calls.reduce((s, c) => s + c.units, 0);
