import type { RunProgress } from "./types.js";

/** Draws simulation progress on stderr: one redrawn bar on a terminal, a plain line per 10 % otherwise. */
export interface SimulationProgress {
  update(run: number, progress: RunProgress): void;
  /** Ends a redrawn line. */
  finish(): void;
}

const clockText = (seconds: number): string => {
  const s = Math.floor(seconds);
  return `${String(Math.floor(s / 3600)).padStart(2, "0")}:${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
};

/** `run 1/2 [#####-------]  41%  820/2000 tickets done  t=00:13:20  203 matches`. */
function renderSimulationProgress(run: number, runs: number, p: RunProgress, width = 24): string {
  const ratio = p.totalTickets === 0 ? 1 : Math.min(1, p.finishedTickets / p.totalTickets);
  const filled = Math.round(ratio * width);
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
  const prefix = runs > 1 ? `run ${run + 1}/${runs} ` : "";
  return `${prefix}[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${percent}  ${p.finishedTickets}/${p.totalTickets} tickets done  t=${clockText(p.simulatedSeconds)}  ${p.matches} matches`;
}

/**
 * A progress display for `runs` runs on `stream` (stderr).
 * @example const progress = createSimulationProgress(process.stderr, 1); progress.update(0, p); progress.finish();
 */
export function createSimulationProgress(
  stream: { write(text: string): unknown; readonly isTTY?: boolean },
  runs: number,
): SimulationProgress {
  const tty = stream.isTTY === true;
  let open = false;
  let lastDecile = new Map<number, number>();
  return {
    update(run, p) {
      const line = renderSimulationProgress(run, runs, p);
      if (tty) {
        stream.write(`\r${line}\u001b[K`);
        open = true;
        return;
      }
      const decile = p.totalTickets === 0 ? 10 : Math.floor((10 * p.finishedTickets) / p.totalTickets);
      if (lastDecile.get(run) === decile) return;
      lastDecile = new Map(lastDecile).set(run, decile);
      stream.write(`${line}\n`);
    },
    finish() {
      if (open) stream.write("\n");
      open = false;
    },
  };
}
