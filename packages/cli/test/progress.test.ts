import { describe, expect, it } from "vitest";
import { createProgressReporter } from "../src/progress.js";

function stream(isTTY: boolean): { write(t: string): boolean; readonly isTTY: boolean; text: string } {
  return {
    isTTY,
    text: "",
    write(t: string) {
      this.text += t;
      return true;
    },
  };
}

const MiB = 1024 * 1024;

describe("createProgressReporter", () => {
  it("redraws one line on a terminal and ends it before a refresh notice and at the finish", () => {
    const out = stream(true);
    let now = 0;
    const reporter = createProgressReporter(out, () => now);

    now = 1000;
    reporter.onProgress({ bytesDone: 8 * MiB, bytesTotal: 16 * MiB, partsDone: 1, partsTotal: 2 });
    reporter.onRefresh({ reason: "ExpiredToken", partNumber: 2, partsDone: 1, partsTotal: 2 });
    now = 2000;
    reporter.onProgress({ bytesDone: 16 * MiB, bytesTotal: 16 * MiB, partsDone: 2, partsTotal: 2 });
    reporter.finish();

    expect(out.text).toBe(
      "\r[############------------]  50%  8.0 MiB / 16.0 MiB  8.0 MiB/s  1/2 parts\u001b[K\n" +
        "upload credentials refused (ExpiredToken) on part 2; requested fresh ones with RequestUploadCredentials, resuming (1/2 parts kept)\n" +
        "\r[########################] 100%  16.0 MiB / 16.0 MiB  8.0 MiB/s  2/2 parts\u001b[K\n",
    );
  });

  it("writes a line per part when not on a terminal", () => {
    const out = stream(false);
    const reporter = createProgressReporter(out, () => 500);

    reporter.onProgress({ bytesDone: 5 * MiB, bytesTotal: 10 * MiB, partsDone: 1, partsTotal: 2 });
    reporter.onRefresh({ reason: "AccessDenied", partNumber: undefined, partsDone: 2, partsTotal: 2 });
    reporter.finish();

    expect(out.text.split("\n")).toEqual([
      "[############------------]  50%  5.0 MiB / 10.0 MiB  -  1/2 parts",
      "upload credentials refused (AccessDenied); requested fresh ones with RequestUploadCredentials, resuming (2/2 parts kept)",
      "",
    ]);
  });
});
