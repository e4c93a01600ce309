/** `1 part`, `7 parts`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Bytes in binary units with one decimal: `1.5 KiB`, `52.0 MiB`. */
export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit] ?? ""}`;
}

/** Bytes per second as `MiB/s` (binary units), from a byte count and a duration. */
export function formatThroughput(bytes: number, elapsedMs: number): string {
  if (elapsedMs <= 0) return "-";
  return `${formatBytes((bytes * 1000) / elapsedMs)}/s`;
}

/** A GameLift timestamp as ISO-8601 without milliseconds, or "-". */
export function formatTime(date: Date | undefined): string {
  return date === undefined ? "-" : date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The progress line: `[##########--------------]  40%  20.0 MiB / 50.0 MiB  35.2 MiB/s  3/7 parts`. */
export function renderProgress(progress: {
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly partsDone: number;
  readonly partsTotal: number;
  readonly elapsedMs: number;
  readonly width?: number;
}): string {
  const width = progress.width ?? 24;
  const ratio = progress.bytesTotal === 0 ? 1 : Math.min(1, progress.bytesDone / progress.bytesTotal);
  const filled = Math.round(ratio * width);
  const bar = `${"#".repeat(filled)}${"-".repeat(width - filled)}`;
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
  const total = formatBytes(progress.bytesTotal);
  const done = formatBytes(progress.bytesDone);
  return `[${bar}] ${percent}  ${done} / ${total}  ${formatThroughput(progress.bytesDone, progress.elapsedMs)}  ${progress.partsDone}/${progress.partsTotal} parts`;
}
