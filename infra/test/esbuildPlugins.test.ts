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
import { bundleHandlers, scratchDir } from "../../test/support/bundle.js";

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
