import type { Plugin } from "esbuild";

/** The module that stands in for `node:stream/web` inside @middy/core. */
export declare const LAZY_WEB_STREAMS: string;
/** Resolves @middy/core's `node:stream/web` import to {@link LAZY_WEB_STREAMS}. */
export declare const lazyMiddyWebStreams: Plugin;
/** Marks `@stdlib/*` packages free of side effects, so esbuild drops the ones a bundle never calls. */
export declare const sideEffectFreeStdlib: Plugin;
/** Every plugin SST applies to a Lambda bundle (`nodejs.plugins`). */
declare const plugins: Plugin[];
export default plugins;
