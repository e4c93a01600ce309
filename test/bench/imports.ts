/**
 * Cold-import benchmark: each deployed handler, bundled as SST bundles it (test/support/bundle.ts),
 * imported by a fresh Node process; the median import time over `--samples` processes (default 5),
 * as a ratio to the bare DynamoDB client's bundle (target ≤ 1.2×), by wall clock and by the CPU time
 * the import used (the steadier figure on a shared machine). Sizes are printed beside it (the
 * size budgets themselves are asserted by test/bundle/bundleSize.test.ts).
 * Run: `npx tsx test/bench/imports.ts [--samples 5] [--only <regexp of handler names>] [--cpu 0]` (or `npm run bench`). Prints figures; asserts nothing.
 */
import { loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { deployedHandlers } from "../../infra/handlers.js";
import { BARE_DYNAMODB_ENTRY, bundleHandlers, handlerModule, scratchDir } from "../support/bundle.js";
import { median, pinning, quantile, runFresh } from "../support/freshProcess.js";
import { stackFloors } from "../support/stackFloor.js";

/**
 * Milliseconds a fresh `node` takes to import `file` (wall clock, measured inside the process), the
 * CPU milliseconds the import used (user + system: far less swayed by other processes than the wall
 * clock on a loaded machine), and its peak RSS in MiB.
 */
function coldImport(file: string, pin: readonly string[]): { ms: number; cpuMs: number; rssMiB: number } {
  const script = `const c=process.cpuUsage();const t=performance.now();await import(${JSON.stringify(pathToFileURL(file).href)});const ms=performance.now()-t;const u=process.cpuUsage(c);console.log(JSON.stringify({ms,cpu:(u.user+u.system)/1000,rss:process.resourceUsage().maxRSS/1024}))`;
  const r = runFresh(script, pin) as { ms: number; cpu: number; rss: number };
  return { ms: r.ms, cpuMs: r.cpu, rssMiB: r.rss };
}

export async function run(argv: string[] = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { samples: { type: "string" }, only: { type: "string" }, cpu: { type: "string" } },
    strict: false,
  });
  const samples = Number(values.samples ?? 5);
  const pin = pinning(typeof values.cpu === "string" ? values.cpu : "0");
  const scratch = scratchDir("mp-imports-");
  try {
    const name = (h: string): string =>
      h
        .replace(/^packages\/functions\/src\//, "")
        .replace(/\.handler$/, "")
        .replace(/\W+/g, "-");
    const entries: Record<string, string> = { bare: BARE_DYNAMODB_ENTRY };
    const only = typeof values.only === "string" ? new RegExp(values.only) : undefined;
    for (const h of deployedHandlers()) if (only?.test(name(h)) ?? true) entries[name(h)] = handlerModule(h);
    const handlerBundles = await bundleHandlers(entries, join(scratch.dir, "out"));
    // Each handler's stack floor: the same third-party packages, used alike, none of our code.
    const {
      floorOf,
      sources: floorSources,
      descriptions,
    } = stackFloors(
      Object.fromEntries(
        Object.keys(entries)
          .filter((n) => n !== "bare")
          .map((n) => [n, handlerBundles[n]!.inputBytes]),
      ),
    );
    const bundles = { ...handlerBundles, ...(await bundleHandlers({}, join(scratch.dir, "floors"), floorSources)) };
    const names = [...Object.keys(entries), ...Object.keys(floorSources)];
    const times: Record<string, number[]> = {};
    const cpu: Record<string, number[]> = {};
    const rss: Record<string, number[]> = {};
    // Per handler and sample, the ratio to a bare import run right beside it (bare first on even
    // samples, last on odd ones): drift in the machine's load then hits both sides of each ratio alike.
    const ratios: Record<string, number[]> = {};
    const cpuRatios: Record<string, number[]> = {};
    const record = (n: string, r: ReturnType<typeof coldImport>): void => {
      (times[n] ??= []).push(r.ms);
      (cpu[n] ??= []).push(r.cpuMs);
      (rss[n] ??= []).push(r.rssMiB);
    };
    for (let s = 0; s < samples; s += 1) {
      for (const n of names) {
        if (n === "bare") continue;
        const first = s % 2 === 0 ? "bare" : n;
        const a = coldImport(bundles[first]!.file, pin);
        const b = coldImport(bundles[first === "bare" ? n : "bare"]!.file, pin);
        const [bare, mine] = first === "bare" ? [a, b] : [b, a];
        record("bare", bare);
        record(n, mine);
        (ratios[n] ??= []).push(mine.ms / bare.ms);
        (cpuRatios[n] ??= []).push(mine.cpuMs / bare.cpuMs);
      }
    }
    const rows = names.map((n) => ({
      n,
      kb: bundles[n]!.bytes / 1024,
      overKb: (bundles[n]!.bytes - bundles["bare"]!.bytes) / 1024,
      ms: median(times[n]!),
      ratio: n === "bare" ? 1 : median(ratios[n]!),
      // The middle half of the per-pair ratios: how far one run's median can be trusted.
      low: n === "bare" ? 1 : quantile(ratios[n]!, 0.25),
      high: n === "bare" ? 1 : quantile(ratios[n]!, 0.75),
      cpuMs: median(cpu[n]!),
      cpuRatio: n === "bare" ? 1 : median(cpuRatios[n]!),
      rss: median(rss[n]!),
    }));
    const byName = new Map(rows.map((r) => [r.n, r]));
    console.log(
      `imports: cold import of each handler bundle, median of ${samples} fresh processes; ratio: median over samples of the import against a bare DynamoDB client bundle imported beside it (target ≤ 1.2×; wall clock, then CPU time; ${pin.length > 0 ? pin.join(" ") : "not pinned: taskset missing"}) [load ${loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")}]`,
    );
    console.log(
      "imports:   [a–b]: the middle half (quartiles) of the handler's per-pair ratios; a handler whose quartiles straddle 1.2× is at the line, within this machine's run-to-run noise",
    );
    console.log(
      "imports:   floor: the handler's stack floor (test/support/stackFloor.ts: its third-party packages used alike, none of our code) and its ratio; own: the handler's ratio over its floor's (what our code costs)",
    );
    for (const [label, parts] of Object.entries(descriptions)) console.log(`imports:   ${label}: ${parts}`);
    for (const r of rows) {
      const floor = floorOf[r.n] === undefined ? undefined : byName.get(floorOf[r.n]!);
      const vsFloor =
        floor === undefined
          ? ""
          : `  floor ${floor.ratio.toFixed(2)}× own ×${(r.ratio / floor.ratio).toFixed(2)} (${floor.n})`;
      console.log(
        `imports:   ${r.n.padEnd(22)} ${r.kb.toFixed(0).padStart(5)} KB (${r.overKb >= 0 ? "+" : ""}${r.overKb.toFixed(0)} KB)  ${r.ms.toFixed(1).padStart(6)} ms  ${r.ratio.toFixed(2)}× [${r.low.toFixed(2)}–${r.high.toFixed(2)}]  cpu ${r.cpuMs.toFixed(1).padStart(6)} ms ${r.cpuRatio.toFixed(2)}×  peak RSS ${r.rss.toFixed(0)} MiB${vsFloor}`,
      );
    }
    const handlers = Object.keys(floorOf);
    const over = handlers.filter((n) => byName.get(n)!.ratio > 1.2);
    const describe = (n: string): string => {
      const r = byName.get(n)!;
      const line = r.low <= 1.2 ? ", at the line" : "";
      return `${n} ${r.ratio.toFixed(2)}× [${r.low.toFixed(2)}–${r.high.toFixed(2)}${line}] (floor ${byName.get(floorOf[n]!)!.ratio.toFixed(2)}×)`;
    };
    console.log(
      `imports: within 1.2× of the bare bundle: ${handlers.length - over.length} of ${handlers.length} handlers${over.length > 0 ? `; over: ${over.map(describe).join(", ")}` : ""}`,
    );
  } finally {
    scratch.remove();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await run();
