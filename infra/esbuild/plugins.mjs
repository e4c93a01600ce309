/**
 * The esbuild plugins of every Lambda bundle: SST applies this file to each function
 * (`nodejs.plugins` in infra/functions.ts), and test/support/bundle.ts to the bundles the size test
 * weighs and the import bench times, so both measure what `sst deploy` ships. Plain JavaScript with
 * Node built-ins only: SST loads it in a bare `node` (.sst/platform/functions/nodejs-runtime/plugin.mjs).
 */
import { fileURLToPath } from "node:url";

/** The module that stands in for `node:stream/web` inside @middy/core (see lazyWebStreams.mjs). */
export const LAZY_WEB_STREAMS = fileURLToPath(new URL("./lazyWebStreams.mjs", import.meta.url));

/**
 * Resolves @middy/core's `node:stream/web` import to {@link LAZY_WEB_STREAMS}, so a cold start does
 * not load Node's web streams for middy's streamifyResponse mode, which no matchplace handler uses.
 * Every other importer of `node:stream/web` gets Node's own module.
 * @type {import("esbuild").Plugin}
 */
export const lazyMiddyWebStreams = {
  name: "lazy-middy-web-streams",
  setup(build) {
    build.onResolve({ filter: /^node:stream\/web$/ }, (args) =>
      /[\\/]node_modules[\\/]@middy[\\/]core[\\/]/.test(args.importer) ? { path: LAZY_WEB_STREAMS } : undefined,
    );
  },
};

/** @type {import("esbuild").Plugin[]} */
export default [lazyMiddyWebStreams];
