/**
 * A stand-in for the SST CLI's JSON-RPC endpoint (`SST_SERVER`) that components call while the
 * program runs. `Runtime.Build` bundles the handler with the platform's esbuild, for real: a
 * missing module or export fails the build exactly as `sst deploy` would.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

/** One handler build that a function asked for. */
export interface HandlerBuild {
  /** The `sst.aws.Function` name (functionID). */
  readonly functionId: string;
  /** Handler string as written in infra (`packages/functions/src/x.handler`). */
  readonly handler: string;
  /** Repo-relative source file the handler string resolved to. */
  readonly source?: string;
  /** Named exports of the bundled module. */
  readonly exports: readonly string[];
  /** Build errors; a function whose build failed has at least one. */
  readonly errors: readonly string[];
  /** Names the bundle imports from each third-party package (kept external, see workspaceOnly). */
  readonly externalImports: Readonly<Record<string, readonly string[]>>;
  /** Links the function was built with: name → properties. */
  readonly links: Readonly<Record<string, Record<string, unknown>>>;
  /** Built from a stand-in module because the handler's own module does not exist (yet). */
  readonly stub?: boolean;
  /** The file of esbuild plugins the function asked SST to bundle with (`nodejs.plugins`, relative to sst.config.ts). */
  readonly plugins?: string;
}

/** Options of {@link startSstServer}. */
export interface SstServerOptions {
  /**
   * Build a stand-in exporting the handler's name for a handler whose module does not exist, so a
   * test can check the infra around handlers that are not written yet (handlers.test.ts still
   * fails for them). Off by default: a missing module fails the build as `sst deploy` would.
   */
  readonly stubMissingHandlers?: boolean;
}

/** The running fake endpoint. */
export interface SstServer {
  readonly url: string;
  readonly builds: HandlerBuild[];
  /** Builds still running. */
  pending(): number;
  close(): Promise<void>;
}

type Esbuild = typeof import("esbuild");

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".js", ".mjs"];

/** Resolves `dir/file.export` to an existing source file, as SST's Node runtime does. */
export function resolveHandler(root: string, handler: string): { source?: string; exportName: string } {
  const dot = handler.lastIndexOf(".");
  const base = handler.slice(0, dot);
  const exportName = handler.slice(dot + 1);
  const ext = SOURCE_EXTENSIONS.find((e) => fs.existsSync(path.join(root, base + e)));
  return { ...(ext ? { source: base + ext } : {}), exportName };
}

interface BuildInput {
  functionID: string;
  handler: string;
  links?: Record<string, Record<string, unknown>>;
  /** The function's `nodejs` arguments (and its architecture). */
  properties?: { plugins?: string };
}

/** `import { A, B as C } from "pkg"` statements of a bundle → `{ pkg: ["A", "B"] }`. */
function namedImports(code: string): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const m of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
    const names = m[1]!
      .split(",")
      .map((n) => n.trim().split(/\s+as\s+/)[0]!)
      .filter(Boolean);
    found[m[2]!] = [...new Set([...(found[m[2]!] ?? []), ...names])];
  }
  return found;
}

/**
 * Bundles this repo's code (handlers and workspace packages) and leaves third-party packages
 * external: a missing module, file or export of ours still fails the build, and a run takes seconds
 * instead of bundling the AWS SDK once per function. (`sst deploy` bundles everything.)
 */
const workspaceOnly = {
  name: "workspace-only",
  setup(build: {
    onResolve(
      options: { filter: RegExp },
      callback: (args: { path: string }) => { external: boolean } | undefined,
    ): void;
  }) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@matchplace/") ? undefined : { external: true },
    );
  },
};

async function build(
  esbuild: Esbuild,
  root: string,
  work: string,
  input: BuildInput,
  options: SstServerOptions,
): Promise<HandlerBuild> {
  const { source, exportName } = resolveHandler(root, input.handler);
  const record = {
    functionId: input.functionID,
    handler: input.handler,
    links: input.links ?? {},
    externalImports: {},
    ...(input.properties?.plugins === undefined ? {} : { plugins: input.properties.plugins }),
  };
  if (!source && options.stubMissingHandlers) return { ...record, exports: [exportName], errors: [], stub: true };
  if (!source)
    return { ...record, exports: [], errors: [`Could not find a source file for handler "${input.handler}"`] };
  const out = path.join(work, "artifacts", `${input.functionID}-src`);
  const outfile = path.join(out, source.replace(/\.[^.]+$/, ".mjs"));
  try {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: [source],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node22",
      mainFields: ["module", "main"],
      metafile: true,
      logLevel: "silent",
      plugins: [workspaceOnly],
      banner: {
        js: `import { createRequire as topLevelCreateRequire } from "module"; const require = topLevelCreateRequire(import.meta.url);`,
      },
    });
    const exports = Object.values(result.metafile!.outputs).flatMap((o) => o.exports);
    const errors = exports.includes(exportName)
      ? []
      : [`Handler "${input.handler}": module has no export "${exportName}"`];
    return { ...record, source, exports, errors, externalImports: namedImports(fs.readFileSync(outfile, "utf8")) };
  } catch (cause) {
    return { ...record, source, exports: [], errors: [`Handler "${input.handler}": ${(cause as Error).message}`] };
  }
}

/**
 * Starts the endpoint on 127.0.0.1 and an ephemeral port.
 * @param root repo root (handler strings are relative to it)
 * @param work SST's work dir (`$cli.paths.work`), where bundles go
 */
export async function startSstServer(
  esbuild: Esbuild,
  root: string,
  work: string,
  options: SstServerOptions = {},
): Promise<SstServer> {
  const builds: HandlerBuild[] = [];
  let running = 0;
  const handle = async (method: string, args: Record<string, unknown>): Promise<unknown> => {
    switch (method) {
      case "Provider.Aws.Bootstrap":
        return {
          asset: "sst-asset-mock",
          assetEcrRegistryId: "123456789012",
          assetEcrUrl: "123456789012.dkr.ecr.us-east-1.amazonaws.com/sst-asset",
          state: "sst-state-mock",
          appsyncHttp: "",
          appsyncRealtime: "",
        };
      case "Runtime.Build": {
        running += 1;
        try {
          const result = await build(esbuild, root, work, args as unknown as BuildInput, options);
          builds.push(result);
          const out = path.join(work, "artifacts", `${result.functionId}-src`);
          fs.mkdirSync(out, { recursive: true });
          const handler = result.source
            ? `${result.source.replace(/\.[^.]+$/, "")}.${resolveHandler(root, result.handler).exportName}`
            : result.handler;
          return { handler, out, errors: result.errors, sourcemaps: [] };
        } finally {
          running -= 1;
        }
      }
      default:
        throw new Error(`rpc: can't find method ${method}`);
    }
  };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const { method, params } = JSON.parse(body) as { method: string; params: [Record<string, unknown>] };
      handle(method, params[0]).then(
        (result) => res.end(JSON.stringify({ result, error: null })),
        (error: Error) => res.end(JSON.stringify({ result: null, error: error.message })),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    builds,
    pending: () => running,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Node's global agent keeps connections alive; don't wait for them to time out.
        server.closeAllConnections();
      }),
  };
}
