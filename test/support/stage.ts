import { startLocalStage, type LocalStage, type LocalStageOptions } from "@matchplace/local";

/** Starts a whole local stage in this test process on free ports (no `.matchplace/local.json`). */
export function startTestStage(options: LocalStageOptions = {}): Promise<LocalStage> {
  return startLocalStage({
    ports: { api: 0, websocket: 0, dashboard: 0, gamelift: 0, dynamodb: 0, sns: 0, s3: 0 },
    snsRetryDelaysMs: [50, 100, 200],
    reconcileIntervalMs: 0,
    tickIntervalMs: 50,
    ...options,
  });
}

/** A dev token for a player from the stage's `POST /local/token`. */
export async function tokenFor(api: string, playerId: string): Promise<string> {
  const res = await fetch(`${api}/local/token`, {
    method: "POST",
    body: JSON.stringify({ playerId }),
    headers: { "content-type": "application/json" },
  });
  if (res.status !== 200) throw new Error(`token for ${playerId}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Calls the API as a player; returns status, parsed body and headers. */
export async function call(
  api: string,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: res.headers };
}

/** Polls until `done` holds or the deadline passes (real servers on the real clock). */
export async function pollUntil<T>(
  fn: () => Promise<T>,
  done: (v: T) => boolean,
  timeoutMs: number,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await fn();
  while (!done(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, everyMs));
    last = await fn();
  }
  return last;
}
