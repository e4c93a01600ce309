import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { StageStartError } from "./errors.js";

/** The repository root (where `packages/` and `infra/` live). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** A Lambda handler as the local stage calls it. */
export type LambdaHandler = (event: unknown, context: unknown) => Promise<unknown>;

/**
 * Loads a handler from an SST handler string (`packages/functions/src/health.handler`):
 * the module path relative to the repo root without extension, a dot, and the named export.
 * The same strings deploy to Lambda, so a handler runs here exactly as it will there.
 */
export async function loadHandler(handler: string): Promise<LambdaHandler> {
  const dot = handler.lastIndexOf(".");
  if (dot < 0) throw new StageStartError(`handler "${handler}" has no export name`);
  const modulePath = handler.slice(0, dot);
  const exportName = handler.slice(dot + 1);
  const candidates = [".ts", ".js", ".mjs"].map((ext) => join(repoRoot, modulePath + ext));
  const file = candidates.find((c) => existsSync(c));
  if (!file)
    throw new StageStartError(`handler module not found for "${handler}" (looked for ${candidates.join(", ")})`);
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const fn = mod[exportName];
  if (typeof fn !== "function") throw new StageStartError(`"${file}" has no exported function "${exportName}"`);
  return fn as LambdaHandler;
}
