/**
 * Bundles a handler the way SST bundles a Node function (esbuild, ESM, minified, platform node,
 * target node22, every dependency bundled — `@aws-sdk/*` included, as SST does for nodejs22.x with
 * no `nodejs.install` — and the esbuild plugins infra gives every function, infra/esbuild/plugins.mjs),
 * so tests and benches can weigh and cold-import what Lambda would load.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { build } from "esbuild";
import lambdaPlugins from "../../infra/esbuild/plugins.mjs";

const ROOT = resolve(import.meta.dirname, "../..");

/** The ESM banner SST adds so bundled CommonJS dependencies can `require` Node built-ins. */
const BANNER = [
  `import { createRequire as topLevelCreateRequire } from 'module';`,
  `const require = topLevelCreateRequire(import.meta.url);`,
  `import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url";`,
  `const __filename = topLevelFileUrlToPath(import.meta.url);`,
  `const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url));`,
].join("\n");

/** One bundle: where it is written and how many bytes it has. */
export interface HandlerBundle {
  readonly file: string;
  readonly bytes: number;
  /** Repo-relative source files in the bundle (node_modules paths included). */
  readonly inputs: readonly string[];
  /** Bytes each input contributes to the bundle (repo-relative path → bytes). */
  readonly inputBytes: Readonly<Record<string, number>>;
}

/** The module path of an SST handler string: `packages/functions/src/matchmaking/get.handler` → `.../get.ts`. */
export function handlerModule(handler: string): string {
  return join(ROOT, `${handler.slice(0, handler.lastIndexOf("."))}.ts`);
}

/** esbuild namespace of the entries given as source text (resolved from the repo root). */
const SOURCE_NAMESPACE = "bundle-source";

/**
 * Bundles each entry (name → absolute .ts path) into `outdir/<name>.mjs` in one esbuild run, the
 * way SST does (no splitting: a dynamic `import()` stays in the file but is evaluated on first use
 * only). `sources` adds entries given as JavaScript source text (name → module source, its imports
 * resolved from the repo root). Returns the bytes of each bundle.
 */
export async function bundleHandlers(
  entries: Readonly<Record<string, string>>,
  outdir: string,
  sources: Readonly<Record<string, string>> = {},
): Promise<Record<string, HandlerBundle>> {
  const result = await build({
    entryPoints: {
      ...entries,
      ...Object.fromEntries(Object.keys(sources).map((n) => [n, `${SOURCE_NAMESPACE}:${n}`])),
    },
    plugins: [
      {
        name: SOURCE_NAMESPACE,
        setup(b) {
          b.onResolve({ filter: new RegExp(`^${SOURCE_NAMESPACE}:`) }, (a) => ({
            path: a.path.slice(SOURCE_NAMESPACE.length + 1),
            namespace: SOURCE_NAMESPACE,
          }));
          b.onLoad({ filter: /.*/, namespace: SOURCE_NAMESPACE }, (a) => ({
            contents: sources[a.path],
            loader: "js",
            resolveDir: ROOT,
          }));
        },
      },
      ...lambdaPlugins,
    ],
    outdir,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node22",
    minify: true,
    mainFields: ["module", "main"],
    banner: { js: BANNER },
    outExtension: { ".js": ".mjs" },
    metafile: true,
    logLevel: "silent",
    absWorkingDir: ROOT,
  });
  const out: Record<string, HandlerBundle> = {};
  for (const name of [...Object.keys(entries), ...Object.keys(sources)]) {
    const file = join(outdir, `${name}.mjs`);
    const meta = result.metafile.outputs[relative(ROOT, file)];
    if (meta === undefined) throw new Error(`esbuild wrote no ${file}`);
    const inputBytes = Object.fromEntries(Object.entries(meta.inputs).map(([f, i]) => [f, i.bytesInOutput]));
    out[name] = { file, bytes: meta.bytes, inputs: Object.keys(meta.inputs), inputBytes };
  }
  return out;
}

/** The reference handler: the bare DynamoDB client (test/support/bareDynamoDb.ts). */
export const BARE_DYNAMODB_ENTRY = join(ROOT, "test/support/bareDynamoDb.ts");
/** The bare SNS client (allowance of handlers that publish MatchEvents). */
export const BARE_SNS_ENTRY = join(ROOT, "test/support/bareSns.ts");
/** The bare API Gateway Management API client (allowance of handlers that post to connections). */
export const BARE_MANAGEMENT_API_ENTRY = join(ROOT, "test/support/bareManagementApi.ts");

/** A scratch directory removed by the returned function. */
export function scratchDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
