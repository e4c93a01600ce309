import { vi } from "vitest";

/**
 * Captures what the process writes to stdout and stderr (Powertools logs and EMF metrics) until
 * `vi.restoreAllMocks()`; the returned array fills as chunks are written.
 */
export function captureOutput(): string[] {
  const chunks: string[] = [];
  const capture = (chunk: unknown): boolean => {
    chunks.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture as typeof process.stdout.write);
  vi.spyOn(process.stderr, "write").mockImplementation(capture as typeof process.stderr.write);
  return chunks;
}

/** The JSON lines among captured chunks, parsed. */
export function jsonLines(chunks: readonly string[]): Record<string, unknown>[] {
  return chunks.flatMap((c) =>
    c
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>),
  );
}
