/**
 * Cold-start benchmark of the polled routes (the fallback path) and of the event handlers: a fresh
 * Node process imports the handler's bundle (bundled as SST bundles it) and answers its first
 * request, then a second one (warm). Import + first request is what a cold start costs a player
 * before the platform's own start; the first request minus the warm one is the work a handler leaves
 * to its first request (building its SDK clients, loading Powertools Metrics, building its schemas).
 * The event handlers build their clients on the first invocation too, so their import ratio alone
 * (test/bench/imports.ts) leaves that work out: import + first invocation shows it. The events
 * consumer gets one SNS delivery of a FlexMatch event (one conditional write), the reconciler a
 * scheduled run that finds nothing stale, the DLQ redrive an empty queue. The reference is the bare
 * DynamoDB bundle's import + one GetItem. Every AWS call goes to a stub on loopback answering `{}` (no item:
 * a poll answers 404 after its reads), so the figures are the handlers' own work, not a network's.
 * Pinned to one CPU like the import bench; each route's process runs beside a bare one.
 * Run: `npx tsx test/bench/coldStart.ts [--samples 9] [--cpu 0]` (or `npm run bench`). Prints figures; asserts nothing.
 */
import { loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { isPollRoute, routes } from "@matchplace/functions/routes";
import { BARE_DYNAMODB_ENTRY, bundleHandlers, handlerModule, scratchDir } from "../support/bundle.js";
import { median, pinning, runFresh } from "../support/freshProcess.js";
import { playerGetEvent } from "../support/playerGet.js";

/** The stub AWS endpoint (a worker's source): `{}` to every request; posts its port when listening. */
const STUB = `
const { createServer } = require("node:http");
const { parentPort } = require("node:worker_threads");
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/x-amz-json-1.0" });
    res.end("{}");
  });
});
server.listen(0, "127.0.0.1", () => parentPort.postMessage(server.address().port));
`;

interface Start {
  readonly importMs: number;
  readonly firstMs: number;
  readonly warmMs: number;
  /** The HTTP status of a route's first answer; `ok` for an event handler that returned. */
  readonly status: number | "ok";
}

/** A player's GET of a polled route, its path parameters filled with ids that match nothing. */
const pollEvent = (route: string): unknown =>
  playerGetEvent(
    route,
    Object.fromEntries([...route.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, `bench-${m[1]}`])),
    "bench-player",
  );

/** A handler the bench starts cold, and the event of its first (and second) invocation. */
interface Target {
  readonly name: string;
  readonly handler: string;
  readonly event: unknown;
  /** What this handler's environment adds to the stub's. */
  readonly env?: Record<string, string>;
}

/**
 * The event handlers' first invocations: a FlexMatch event of the stage that `EventsTrust` names
 * (the links: test/support/freshProcess.ts), a scheduled run, and a redrive of the queue on `stub`.
 */
function eventHandlers(now: number, stub: string): Target[] {
  const searching = {
    version: "0",
    id: "bench-event",
    "detail-type": "GameLift Matchmaking Event",
    source: "aws.gamelift",
    account: "111122223333",
    time: new Date(now - 1_000).toISOString(),
    region: "us-east-1",
    resources: ["arn:aws:gamelift:us-east-1:111122223333:matchmakingconfiguration/arena"],
    detail: {
      type: "MatchmakingSearching",
      tickets: [
        {
          ticketId: "bench-ticket",
          startTime: new Date(now - 2_000).toISOString(),
          players: [{ playerId: "bench-player" }],
        },
      ],
      estimatedWaitMillis: "NOT_AVAILABLE",
      gameSessionInfo: { players: [{ playerId: "bench-player" }] },
    },
  };
  return [
    {
      name: "events-consumer",
      handler: "packages/functions/src/events/consumer.handler",
      event: {
        Records: [{ EventSource: "aws:sns", Sns: { MessageId: "bench-message", Message: JSON.stringify(searching) } }],
      },
    },
    { name: "reconcile-schedule", handler: "packages/functions/src/reconcile/schedule.handler", event: {} },
    {
      name: "dlq-redrive",
      handler: "packages/functions/src/dlq/redrive.handler",
      event: { maxMessages: 10 },
      // SQS sends to the queue URL's host: the queue is on the stub.
      env: { SST_RESOURCE_EventsDeadLetter: JSON.stringify({ url: `${stub}/111122223333/dlq` }) },
    },
  ];
}

/** A fresh process: import `file`, invoke its `handler` with `event` twice; milliseconds of each step. */
function coldStart(file: string, event: unknown, pin: readonly string[], env: Record<string, string>): Start {
  const context = `{functionName:"bench",functionVersion:"$LATEST",invokedFunctionArn:"arn:aws:lambda:us-east-1:111122223333:function:bench",memoryLimitInMB:"512",awsRequestId:"bench",logGroupName:"bench",logStreamName:"bench",callbackWaitsForEmptyEventLoop:false,getRemainingTimeInMillis:()=>10000}`;
  const script = [
    `const event=${JSON.stringify(event)};const context=${context};`,
    `const t0=performance.now();const m=await import(${JSON.stringify(pathToFileURL(file).href)});const t1=performance.now();`,
    `const r=await m.handler(structuredClone(event),context);const t2=performance.now();`,
    `await m.handler(structuredClone(event),context);const t3=performance.now();`,
    `console.log(JSON.stringify({importMs:t1-t0,firstMs:t2-t1,warmMs:t3-t2,status:r?.statusCode??"ok"}));process.exit(0)`,
  ].join("");
  return runFresh(script, pin, env) as Start;
}

export async function run(argv: string[] = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { samples: { type: "string" }, cpu: { type: "string" } },
    strict: false,
  });
  const samples = Number(values.samples ?? 9);
  const pin = pinning(typeof values.cpu === "string" ? values.cpu : "0");
  // Every AWS call of the child processes gets an empty JSON answer (GetItem of an absent item),
  // from a worker thread: the children are run synchronously, which blocks this thread's loop.
  const stub = new Worker(STUB, { eval: true });
  const port = await new Promise<number>((resolve, reject) => {
    stub.once("message", resolve);
    stub.once("error", reject);
  });
  const env = {
    AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
    AWS_ACCESS_KEY_ID: "bench",
    AWS_SECRET_ACCESS_KEY: "bench",
  };
  const scratch = scratchDir("mp-coldstart-");
  try {
    const targets: Target[] = [
      ...routes.filter(isPollRoute).map((r) => ({ name: r.operationId, handler: r.handler, event: pollEvent(r.path) })),
      ...eventHandlers(Date.now(), env.AWS_ENDPOINT_URL),
    ];
    const entries: Record<string, string> = { bare: BARE_DYNAMODB_ENTRY };
    for (const t of targets) entries[t.name] = handlerModule(t.handler);
    const bundles = await bundleHandlers(entries, join(scratch.dir, "out"));
    const bareEvent = { table: "matchplace-bench", key: { pk: { S: "bench" }, sk: { S: "bench" } } };
    const results: Record<string, Start[]> = {};
    const ratios: Record<string, { imports: number[]; starts: number[] }> = {};
    for (let s = 0; s < samples; s += 1) {
      for (const r of targets) {
        const runBare = (): Start => coldStart(bundles["bare"]!.file, bareEvent, pin, env);
        const runRoute = (): Start => coldStart(bundles[r.name]!.file, r.event, pin, { ...env, ...r.env });
        // The bare process first on even samples, last on odd ones.
        let bare: Start;
        let mine: Start;
        if (s % 2 === 0) {
          bare = runBare();
          mine = runRoute();
        } else {
          mine = runRoute();
          bare = runBare();
        }
        (results["bare"] ??= []).push(bare);
        (results[r.name] ??= []).push(mine);
        const ratio = (ratios[r.name] ??= { imports: [], starts: [] });
        ratio.imports.push(mine.importMs / bare.importMs);
        ratio.starts.push((mine.importMs + mine.firstMs) / (bare.importMs + bare.firstMs));
      }
    }
    console.log(
      `coldStart: polled routes and event handlers, fresh process: import, first request, warm request (median of ${samples}; AWS calls answered by a loopback stub; ${pin.length > 0 ? pin.join(" ") : "not pinned"}) [load ${loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")}]`,
    );
    for (const name of ["bare", ...targets.map((t) => t.name)]) {
      const rs = results[name]!;
      const imp = median(rs.map((x) => x.importMs));
      const first = median(rs.map((x) => x.firstMs));
      const warm = median(rs.map((x) => x.warmMs));
      const vs =
        name === "bare"
          ? ""
          : `  import ${median(ratios[name]!.imports).toFixed(2)}×, import + first request ${median(ratios[name]!.starts).toFixed(2)}× the bare`;
      console.log(
        `coldStart:   ${name.padEnd(22)} import ${imp.toFixed(1).padStart(6)} ms  first request ${first.toFixed(1).padStart(5)} ms  warm ${warm.toFixed(2).padStart(5)} ms  (${rs[0]!.status})${vs}`,
      );
    }
  } finally {
    scratch.remove();
    await stub.terminate();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await run();
