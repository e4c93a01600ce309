/**
 * Crowd benchmark: 2,000 players start matchmaking at 50/s through the REST API of a local stage
 * that runs as its own process (`npm start`, short matches). The seeded fleet starts at 2
 * instances × 10 processes; its target policy must scale it out so that every ticket COMPLETES
 * (none TIMED_OUT from starvation, none lost), and back in once the matches end.
 * Prints the ticket outcomes, the time to drain (first start → last ticket final), the peak
 * instance count and the capacity curve from DescribeFleetCapacity. Asserts nothing.
 * Run: `npx tsx test/bench/crowd.ts [--players 2000] [--rate 50] [--match-seconds 10-20]
 *   [--scale-out-seconds 5] [--scaling-seconds 10]` (or `npm run bench`).
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { runCrowd } from "../support/crowd.js";
import { startStageProcess } from "../support/stageProcess.js";

/** Runs the benchmark and prints its figures. */
export async function run(argv: readonly string[] = []): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      players: { type: "string", default: "2000" },
      rate: { type: "string", default: "50" },
      "match-seconds": { type: "string", default: "10-20" },
      "scale-out-seconds": { type: "string", default: "5" },
      "scaling-seconds": { type: "string", default: "10" },
    },
  });
  const players = Number(values.players);
  const rate = Number(values.rate);
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const stage = await startStageProcess([
    "--match-seconds",
    values["match-seconds"],
    "--scale-out-seconds",
    values["scale-out-seconds"],
    "--scaling-seconds",
    values["scaling-seconds"],
  ]);
  const fleetId = /fleets (fleet-[\w-]+)/.exec(stage.banner)?.[1] ?? "";
  console.log(`crowd: stage up; ${/fleet simulation\s+(.*)/.exec(stage.banner)?.[1] ?? ""}`);
  try {
    const r = await runCrowd({
      api: stage.endpoints.api,
      gamelift: stage.endpoints.gamelift,
      region: stage.endpoints.region,
      fleetId,
      players,
      rate,
      prefix: `crowd-${Date.now().toString(36)}`,
      timeoutMs: 180_000,
      onProgress: (p) =>
        process.stderr.write(
          `  … ${Math.round(p.atMs / 1000)} s: ${p.started} started, ${p.final} final; instances ${p.capacity ? `${p.capacity.active}+${p.capacity.pending}/${p.capacity.desired}` : "?"}\n`,
        ),
    });
    const curve = r.samples
      .filter((_, i) => i % 10 === 0)
      .map((s) => `${Math.round(s.atMs / 1000)}s:${s.active}+${s.pending}/${s.desired}`)
      .join(" ");
    const outcomes = Object.entries(r.statuses)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    const notices = stage.log.filter((l) => l.includes("capacity ran out"));
    console.log(
      `  ${players} players at ${rate}/s (arrivals over ${(r.arrivalMs / 1000).toFixed(1)} s), matches ${values["match-seconds"]} s: ${outcomes || "none final"}; lost ${r.lost}${r.lost ? ` ${JSON.stringify(r.lostBy)}` : ""} (target: all COMPLETED, 0 lost)`,
    );
    console.log(
      `  time to drain (first start → last ticket final): ${(r.drainMs / 1000).toFixed(1)} s; peak instances ${r.peakActiveInstances} active (desired up to ${r.peakDesiredInstances})`,
    );
    console.log(`  capacity every 10 s (active+pending/desired): ${curve}`);
    console.log(
      `  capacity notices from the stage: ${notices.length}${notices[0] ? ` — first: ${notices[0].slice(0, 300)}` : ""}`,
    );
    const errors = stage.log.filter((l) => l.includes('"level":"ERROR"'));
    console.log(
      `  errors logged by the stage: ${errors.length}${errors[0] ? ` — first: ${errors[0].slice(0, 600)}` : ""}`,
    );
  } finally {
    await stage.cleanup();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await run(process.argv.slice(2));
