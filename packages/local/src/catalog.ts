import { join } from "node:path";
import type { CatalogDocument } from "@matchplace/core";
import { readCatalogDocument } from "@matchplace/core/catalog-files";
import { repoRoot } from "./handlers.js";

/**
 * The matchmaking catalog the handlers are given (`SST_RESOURCE_Catalog`): built from infra/gamelift
 * by core's `catalogDocument`, exactly as infra/catalog.ts builds the `Catalog` link on AWS
 * (infra/test/stack.test.ts checks that the two are equal).
 */
export function localCatalogDocument(dir = join(repoRoot, "infra/gamelift")): CatalogDocument {
  return readCatalogDocument(dir);
}
