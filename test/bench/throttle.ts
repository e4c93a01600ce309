/**
 * Honest throttling benchmark: the whole local stage with half of all GameLift calls throttled
 * (`throttle=0.5`), 40 players starting matchmaking and 40 placements, 8 at a time, over HTTP.
 * Asserts that every answer is 202 or 429 (never 5xx), that every 429 carries Retry-After and comes
 * within the GameLift budget (MATCHPLACE_GAMELIFT_BUDGET_MS, 3 s) plus 2.5 s for the handler's
 * DynamoDB work on a busy machine, and that nothing comes near the function timeout (10 s).
 * Run: `npx tsx test/bench/throttle.ts` (or `npm run bench`).
 */
import { pathToFileURL } from "node:url";
import { startLocalStage } from "@matchplace/local";

const REQUESTS = 40;
const CONCURRENCY = 8;
const THROTTLED_LIMIT_MS = 3000 + 2500;
const LIMIT_MS = 10_000 - 1000;

interface Sample {
  readonly status: number;
  readonly ms: number;
  readonly retryAfter: string | null;
  readonly body: string;
}

async function token(api: string, playerId: string): Promise<string> {
  const res = await fetch(`${api}/local/token`, {
    method: "POST",
    body: JSON.stringify({ playerId }),
    headers: { "content-type": "application/json" },
  });
  return ((await res.json()) as { token: string }).token;
}

async function measure(api: string, path: string, body: unknown, tokens: readonly string[]): Promise<Sample[]> {
  const out: Sample[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < tokens.length) {
        const t = tokens[next] ?? "";
        next += 1;
        const started = performance.now();
        const res = await fetch(`${api}${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${t}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        const text = await res.text();
        out.push({
          status: res.status,
          ms: performance.now() - started,
          retryAfter: res.headers.get("retry-after"),
          body: res.status >= 500 ? text.slice(0, 300) : "",
        });
      }
    }),
  );
  return out;
}

const pct = (xs: readonly number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;

/** Runs the benchmark; throws when an assertion fails. */
export async function run(): Promise<void> {
  const stage = await startLocalStage({
    ports: { api: 0, gamelift: 0, dynamodb: 0, sns: 0, s3: 0 },
    reconcileIntervalMs: 0,
    gameliftFaults: { throttle: 0.5 },
  });
  try {
    const api = stage.endpoints.api;
    const stamp = Date.now().toString(36);
    for (const [label, path, body] of [
      ["POST /v1/matchmaking", "/v1/matchmaking", {}],
      ["POST /v1/placements", "/v1/placements", { maximumPlayerSessionCount: 2 }],
    ] as const) {
      const tokens = await Promise.all(
        Array.from({ length: REQUESTS }, (_, i) => token(api, `bench-${label.length}-${stamp}-${i}`)),
      );
      const samples = await measure(api, path, body, tokens);
      const ms = samples.map((s) => s.ms);
      const throttled = samples.filter((s) => s.status === 429).map((s) => s.ms);
      const byStatus = samples.reduce<Record<number, number>>((acc, s) => {
        acc[s.status] = (acc[s.status] ?? 0) + 1;
        return acc;
      }, {});
      console.log(
        `${label} under throttle 0.5: ${JSON.stringify(byStatus)}; p50 ${pct(ms, 0.5).toFixed(0)} ms, p95 ${pct(ms, 0.95).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms; 429s: max ${Math.max(0, ...throttled).toFixed(0)} ms`,
      );
      const bad = samples.filter((s) => s.status !== 202 && s.status !== 429);
      if (bad.length > 0) throw new Error(`${label}: answers other than 202/429: ${JSON.stringify(bad)}`);
      if (samples.some((s) => s.status === 429 && !s.retryAfter))
        throw new Error(`${label}: a 429 without Retry-After`);
      if (Math.max(0, ...throttled) > THROTTLED_LIMIT_MS)
        throw new Error(`${label}: a 429 took ${Math.max(...throttled).toFixed(0)} ms > ${THROTTLED_LIMIT_MS} ms`);
      if (Math.max(...ms) > LIMIT_MS)
        throw new Error(`${label}: slowest answer ${Math.max(...ms).toFixed(0)} ms > ${LIMIT_MS} ms`);
    }
  } finally {
    await stage.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
