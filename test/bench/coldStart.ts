/**
 * Cold-start benchmark of the polled routes (the fallback path): a fresh Node process imports the
 * route's bundle (bundled as SST bundles it) and answers its first request, then a second one (warm).
 * Import + first request is what a cold start costs a player before the platform's own start; the
 * first request minus the warm one is the work a handler leaves to its first request (building its
 * SDK client, loading Powertools Metrics, building its schemas). The reference is the bare DynamoDB
 * bundle's import + one GetItem. Every AWS call goes to a stub on loopback answering `{}` (no item:
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
  readonly status: number | undefined;
}

/** A player's GET of a polled route, its path parameters filled with ids that match nothing. */
const pollEvent = (route: string): unknown =>
  playerGetEvent(
    route,
    Object.fromEntries([...route.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, `bench-${m[1]}`])),
    "bench-player",
  );

/** A fresh process: import `file`, invoke its `handler` with `event` twice; milliseconds of each step. */
function coldStart(file: string, event: unknown, pin: readonly string[], env: Record<string, string>): Start {
  const context = `{functionName:"bench",functionVersion:"$LATEST",invokedFunctionArn:"arn:aws:lambda:us-east-1:111122223333:function:bench",memoryLimitInMB:"512",awsRequestId:"bench",logGroupName:"bench",logStreamName:"bench",callbackWaitsForEmptyEventLoop:false,getRemainingTimeInMillis:()=>10000}`;
  const script = [
    `const event=${JSON.stringify(event)};const context=${context};`,
    `const t0=performance.now();const m=await import(${JSON.stringify(pathToFileURL(file).href)});const t1=performance.now();`,
    `const r=await m.handler(structuredClone(event),context);const t2=performance.now();`,
    `await m.handler(structuredClone(event),context);const t3=performance.now();`,
    `console.log(JSON.stringify({importMs:t1-t0,firstMs:t2-t1,warmMs:t3-t2,status:r?.statusCode}));process.exit(0)`,
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
    const polls = routes.filter(isPollRoute);
    const entries: Record<string, string> = { bare: BARE_DYNAMODB_ENTRY };
    for (const r of polls) entries[r.operationId] = handlerModule(r.handler);
    const bundles = await bundleHandlers(entries, join(scratch.dir, "out"));
    const bareEvent = { table: "matchplace-bench", key: { pk: { S: "bench" }, sk: { S: "bench" } } };
    const results: Record<string, Start[]> = {};
    const ratios: Record<string, { imports: number[]; starts: number[] }> = {};
    for (let s = 0; s < samples; s += 1) {
      for (const r of polls) {
        const runBare = (): Start => coldStart(bundles["bare"]!.file, bareEvent, pin, env);
        const runRoute = (): Start => coldStart(bundles[r.operationId]!.file, pollEvent(r.path), pin, env);
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
        (results[r.operationId] ??= []).push(mine);
        const ratio = (ratios[r.operationId] ??= { imports: [], starts: [] });
        ratio.imports.push(mine.importMs / bare.importMs);
        ratio.starts.push((mine.importMs + mine.firstMs) / (bare.importMs + bare.firstMs));
      }
    }
    console.log(
      `coldStart: polled routes, fresh process: import, first request, warm request (median of ${samples}; AWS calls answered by a loopback stub; ${pin.length > 0 ? pin.join(" ") : "not pinned"}) [load ${loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")}]`,
    );
    for (const name of ["bare", ...polls.map((r) => r.operationId)]) {
      const rs = results[name]!;
      const imp = median(rs.map((x) => x.importMs));
      const first = median(rs.map((x) => x.firstMs));
      const warm = median(rs.map((x) => x.warmMs));
      const vs =
        name === "bare"
          ? ""
          : `  import ${median(ratios[name]!.imports).toFixed(2)}×, import + first request ${median(ratios[name]!.starts).toFixed(2)}× the bare`;
      console.log(
        `coldStart:   ${name.padEnd(22)} import ${imp.toFixed(1).padStart(6)} ms  first request ${first.toFixed(1).padStart(5)} ms  warm ${warm.toFixed(2).padStart(5)} ms  (${rs[0]!.status ?? "-"})${vs}`,
      );
    }
  } finally {
    scratch.remove();
    await stub.terminate();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await run();
