import { renderProgress } from "./format.js";
import type { RefreshEvent, UploadProgress } from "./upload/types.js";

/** Writes upload progress to a stream: one redrawn line on a terminal, a line per part otherwise. */
export interface ProgressReporter {
  onProgress(progress: UploadProgress): void;
  onRefresh(event: RefreshEvent): void;
  /** Ends the redrawn line. */
  finish(): void;
}

/**
 * A reporter on `stream` (stderr, so stdout stays clean for `--json`); `now` gives milliseconds.
 * @example const progress = createProgressReporter(process.stderr, () => performance.now());
 */
export function createProgressReporter(
  stream: { write(text: string): unknown; readonly isTTY?: boolean },
  now: () => number,
): ProgressReporter {
  const startedAt = now();
  const tty = stream.isTTY === true;
  let open = false;
  const endLine = (): void => {
    if (open) stream.write("\n");
    open = false;
  };
  return {
    onProgress(progress) {
      const line = renderProgress({ ...progress, elapsedMs: now() - startedAt });
      if (tty) {
        stream.write(`\r${line}\u001b[K`);
        open = true;
      } else {
        stream.write(`${line}\n`);
      }
    },
    onRefresh(event) {
      endLine();
      const where = event.partNumber === undefined ? "" : ` on part ${event.partNumber}`;
      stream.write(
        `upload credentials refused (${event.reason})${where}; requested fresh ones with RequestUploadCredentials, resuming (${event.partsDone}/${event.partsTotal} parts kept)\n`,
      );
    },
    finish: endLine,
  };
}
