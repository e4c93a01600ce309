import { describe, expect, it } from "vitest";
import { formatBytes, formatThroughput, renderProgress } from "../src/format.js";
import { renderTable } from "../src/table.js";

describe("renderTable", () => {
  const columns = [
    { header: "ID", cell: (r: { id: string; status: string }) => r.id },
    { header: "STATUS", cell: (r: { id: string; status: string }) => r.status },
  ];

  it("pads columns to the widest cell with no trailing spaces", () => {
    const text = renderTable(
      [
        { id: "build-1234", status: "READY" },
        { id: "b", status: "INITIALIZED" },
      ],
      columns,
    );

    expect(text).toBe("ID          STATUS\nbuild-1234  READY\nb           INITIALIZED\n");
  });

  it("says (none) for an empty list", () => {
    expect(renderTable([], columns)).toBe("(none)\n");
  });

  it("flattens whitespace inside cells so a row stays on one line", () => {
    expect(renderTable([{ id: "a\nb", status: "x\ty" }], columns)).toBe("ID   STATUS\na b  x y\n");
  });
});

describe("formatting", () => {
  it.each([
    [0, "0 B"],
    [1023, "1023 B"],
    [1536, "1.5 KiB"],
    [52_428_800, "50.0 MiB"],
  ])("formats %d bytes as %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it("shows throughput per second", () => {
    expect(formatThroughput(50 * 1024 * 1024, 2000)).toBe("25.0 MiB/s");
  });

  it("draws the progress bar with percent, bytes, throughput and parts", () => {
    const line = renderProgress({
      bytesDone: 25 * 1024 * 1024,
      bytesTotal: 50 * 1024 * 1024,
      partsDone: 5,
      partsTotal: 10,
      elapsedMs: 1000,
      width: 10,
    });

    expect(line).toBe("[#####-----]  50%  25.0 MiB / 50.0 MiB  25.0 MiB/s  5/10 parts");
  });
});
