/**
 * `Catalog`: the matchmaking catalog (which configurations and queues clients may name, which
 * attributes and game properties they may set), built from infra/gamelift/ by core's
 * `catalogDocument` and linked as `Resource.Catalog` to the handlers whose access in
 * packages/functions/src/routes.ts says `catalog: true` (read by `linkedCatalog()` in packages/functions/src/edge.ts). The local stage sets
 * `SST_RESOURCE_Catalog` from the same files with the same function (packages/local/src/seed.ts
 * `localCatalogDocument`). The document is a few hundred bytes (see core's `CatalogDocument`).
 */
import { readCatalogDocument } from "@matchplace/core/catalog-files";

/** The linked catalog document (read when the program runs, like the GameLift seed). */
export const catalog = new sst.Linkable("Catalog", {
  properties: { ...readCatalogDocument("infra/gamelift") },
});
