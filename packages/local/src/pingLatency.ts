/** Parses `us-east-1=20,eu-west-1=90,default=80` (milliseconds, 0..60000). */
export function parsePingLatency(spec: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of spec
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z0-9-]+)=(\d+(?:\.\d+)?)$/.exec(part);
    const ms = Number(m?.[2]);
    if (!m?.[1] || !(ms >= 0 && ms <= 60_000))
      throw new RangeError(`"${part}" is not <location>=<ms> with ms in 0..60000`);
    out[m[1]] = ms;
  }
  return out;
}

/** The stage's ping beacon delays: its Region 20 ms, others 80 ms, overridden per location (`default` for the rest). */
export function pingBeaconsOf(
  region: string,
  latencyMs: Readonly<Record<string, number>> = {},
): { latencyMs: Record<string, number>; defaultLatencyMs: number } {
  const { default: fallback, ...perLocation } = latencyMs;
  return { latencyMs: { [region]: 20, ...perLocation }, defaultLatencyMs: fallback ?? 80 };
}
