import type { Plugin } from "esbuild";

/** Every plugin SST applies to a Lambda bundle (`nodejs.plugins`); see plugins.mjs. */
declare const plugins: Plugin[];
export default plugins;
