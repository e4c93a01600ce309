import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** The page's static files, built from `web/` by esbuild on first request (no build step, no CDN). */
export interface DashboardAssets {
  readonly js: string;
  readonly css: string;
}

const webDir = fileURLToPath(new URL("./web/", import.meta.url));

/** The one HTML page; everything else is loaded from the stage itself. */
export const indexHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>matchplace local stage</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/app.css">
</head>
<body>
<div id="app"><p class="loading">Connecting to the local stage…</p></div>
<script type="module" src="/app.js"></script>
</body>
</html>
`;

/**
 * Bundles `web/main.ts` (preact, htm, uPlot; all from node_modules) into one ES module, and joins
 * uPlot's stylesheet with ours. Takes a few hundred ms, so the server does it once, lazily.
 */
export async function buildAssets(): Promise<DashboardAssets> {
  const result = await build({
    entryPoints: [`${webDir}main.ts`],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    minify: true,
    write: false,
    logLevel: "silent",
    legalComments: "none",
  });
  const js = result.outputFiles[0]?.text ?? "";
  const require = createRequire(import.meta.url);
  const [uplotCss, ownCss] = await Promise.all([
    readFile(require.resolve("uplot/dist/uPlot.min.css"), "utf8"),
    readFile(`${webDir}styles.css`, "utf8"),
  ]);
  return { js, css: `${uplotCss}\n${ownCss}` };
}
