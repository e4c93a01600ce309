/** A numeric setting in the environment is not a positive number. */
export class InvalidSettingError extends Error {
  public constructor(name: string, value: string) {
    super(`${name} must be a positive number, got "${value}"`);
    this.name = "InvalidSettingError";
  }
}

/** Reads an optional positive number from the environment (edge only), else `fallback`. */
export function numberSetting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidSettingError(name, raw);
  return n;
}

/** Seconds terminal tickets/placements are kept before TTL expiry: `MATCHPLACE_RETENTION_SECONDS`, default 24 h. */
export function retentionSeconds(): number {
  return numberSetting("MATCHPLACE_RETENTION_SECONDS", 24 * 60 * 60);
}
