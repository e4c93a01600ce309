/**
 * The esbuild plugins every Lambda bundle is built with (infra/esbuild/plugins.mjs): what each
 * changes in a real esbuild bundle, and that the stand-in it puts in still answers as Node's module.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { ReadableStream as NodeReadableStream } from "node:stream/web";
import { afterAll, describe, expect, it } from "vitest";
import { ReadableStream as LazyReadableStream } from "../esbuild/lazyWebStreams.mjs";
import { pathToFileURL } from "node:url";
import { bundleHandlers, scratchDir } from "../../test/support/bundle.js";
import { runFresh } from "../../test/support/freshProcess.js";

const scratch = scratchDir("mp-plugins-");
afterAll(() => scratch.remove());

describe("lazy-middy-web-streams", () => {
  it("swaps @middy/core's node:stream/web import for the stand-in, and no one else's", async () => {
    const bundles = await bundleHandlers({}, join(scratch.dir, "out"), {
      middy: `import middy from "@middy/core"; export const handler = middy(async () => 1);`,
      ours: `import { ReadableStream } from "node:stream/web"; export const handler = (x) => x instanceof ReadableStream;`,
    });
    expect(bundles.middy!.inputs).toContain("infra/esbuild/lazyWebStreams.mjs");
    expect(readFileSync(bundles.middy!.file, "utf8")).not.toMatch(/from\s*"node:stream\/web"/);
    expect(bundles.ours!.inputs).not.toContain("infra/esbuild/lazyWebStreams.mjs");
    expect(readFileSync(bundles.ours!.file, "utf8")).toMatch(/from\s*"node:stream\/web"/);
  });

  it("answers instanceof as Node's ReadableStream does", () => {
    expect(new NodeReadableStream() instanceof LazyReadableStream).toBe(true);
    expect(Readable.from(["a"]) instanceof LazyReadableStream).toBe(false);
    expect(("body" as unknown) instanceof LazyReadableStream).toBe(false);
    expect({} instanceof LazyReadableStream).toBe(false);
  });
});

describe("side-effect-free-stdlib", () => {
  const teams = `[[rating({ mu: 30, sigma: 5 }), rating()], [rating({ mu: 20 }), rating({ sigma: 3 })]]`;
  const sources = {
    rates: `import { rate, rating } from "openskill"; export const handler = () => rate(${teams}, { rank: [2, 1] });`,
    predicts: `import { predictWin, rating } from "openskill"; export const handler = () => predictWin(${teams});`,
  };
  /** `handler()` of an ES module, run in a fresh node: a bundle's file, or a source as Node runs it (unbundled). */
  const answer = (module: { file: string } | { source: string }): unknown =>
    runFresh(
      "file" in module
        ? `const { handler } = await import(${JSON.stringify(pathToFileURL(module.file).href)});console.log(JSON.stringify(handler()))`
        : `${module.source}\nconsole.log(JSON.stringify(handler()))`,
      [],
    );

  it("drops the stdlib math a bundle imports but never calls, and keeps what it calls", async () => {
    const bundles = await bundleHandlers({}, join(scratch.dir, "stdlib"), sources);
    const stdlib = (name: string): string[] => bundles[name]!.inputs.filter((f) => f.includes("node_modules/@stdlib/"));
    // openskill's entry imports erf and the normal quantile for its predictions; `rate` calls neither.
    expect(stdlib("rates")).toEqual([]);
    expect(stdlib("predicts")).toContain("node_modules/@stdlib/math-base-special-erf/lib/main.js");
    // Both bundles compute what openskill computes unbundled.
    for (const name of ["rates", "predicts"] as const) {
      const unbundled = answer({ source: sources[name] });
      expect(unbundled, name).toEqual(expect.any(Array));
      expect(answer(bundles[name]!), name).toEqual(unbundled);
    }
  });
});
