/**
 * The esbuild plugins of every Lambda bundle: SST applies this file to each function
 * (`nodejs.plugins` in infra/functions.ts), and test/support/bundle.ts to the bundles the size test
 * weighs and the import bench times, so both measure what `sst deploy` ships. Plain JavaScript with
 * Node built-ins only: SST loads it in a bare `node` (.sst/platform/functions/nodejs-runtime/plugin.mjs).
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/** The module that stands in for `node:stream/web` inside @middy/core (see lazyWebStreams.mjs). */
const LAZY_WEB_STREAMS = fileURLToPath(new URL("./lazyWebStreams.mjs", import.meta.url));

/**
 * Resolves @middy/core's `node:stream/web` import to {@link LAZY_WEB_STREAMS}, so a cold start does
 * not load Node's web streams for middy's streamifyResponse mode, which no matchplace handler uses.
 * Every other importer of `node:stream/web` gets Node's own module.
 * @type {import("esbuild").Plugin}
 */
const lazyMiddyWebStreams = {
  name: "lazy-middy-web-streams",
  setup(build) {
    build.onResolve({ filter: /^node:stream\/web$/ }, (args) =>
      /[\\/]node_modules[\\/]@middy[\\/]core[\\/]/.test(args.importer) ? { path: LAZY_WEB_STREAMS } : undefined,
    );
  },
};

/**
 * Marks stdlib's packages (`@stdlib/*`, openskill's math) free of side effects, so esbuild leaves
 * out the ones a bundle imports but never calls. openskill declares itself side-effect free; its
 * CommonJS dependencies do not, so each import of one was kept and evaluated at import even where
 * nothing used it: openskill's entry imports the normal quantile and erf for its prediction
 * functions, which pulled about 45 KB of stdlib (erfinv, string formatting, typed-array feature
 * checks) into the results route, whose `rate` (Plackett-Luce) calls neither. A package something
 * does call stays in the bundle, unchanged: `sideEffects: false` only lets esbuild drop an unused
 * one. stdlib's packages only compute and set properties on their own exports. Resolved as Node
 * resolves them (they are CommonJS with a `main`), since SST's plugin bridge has no `build.resolve`.
 * @type {import("esbuild").Plugin}
 */
const sideEffectFreeStdlib = {
  name: "side-effect-free-stdlib",
  setup(build) {
    build.onResolve({ filter: /^@stdlib\// }, (args) => ({
      path: createRequire(args.importer).resolve(args.path),
      sideEffects: false,
    }));
  },
};

/** @type {import("esbuild").Plugin[]} */
export default [lazyMiddyWebStreams, sideEffectFreeStdlib];
