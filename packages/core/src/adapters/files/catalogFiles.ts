/**
 * Reads the matchmaking catalog's files from a directory laid out as infra/gamelift is (`rulesets/`,
 * `configurations/`, `queues/`, `catalog.json`) and derives the document with the domain's
 * {@link catalogDocument}. infra (the `Catalog` link), the local stage (`SST_RESOURCE_Catalog`), the
 * OpenAPI generator and the handler tests all build the document through here, from the same files.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type CatalogDocument, CatalogError, catalogDocument } from "../../domain/matchmaking/catalog.js";

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new CatalogError(`${file}: ${(err as Error).message}`);
  }
}

function readJsonDir(dir: string): unknown[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => readJson(join(dir, f)));
}

/**
 * The catalog document of the GameLift files under `dir` (files sorted by name, as infra and the local
 * stage seed them).
 * @throws CatalogError naming the file or choice that is unreadable, malformed or refers to something missing.
 * @example const doc = readCatalogDocument(join(repoRoot, "infra/gamelift"));
 */
export function readCatalogDocument(dir: string): CatalogDocument {
  return catalogDocument({
    ruleSets: readJsonDir(join(dir, "rulesets")),
    configurations: readJsonDir(join(dir, "configurations")),
    queues: readJsonDir(join(dir, "queues")),
    choices: readJson(join(dir, "catalog.json")),
  });
}
