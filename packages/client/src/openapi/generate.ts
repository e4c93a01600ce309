/**
 * Writes packages/client/openapi.json from the zod schemas (`npm run openapi`), for the matchmaking
 * catalog of infra/gamelift (read from the files, as the local stage reads them). A test fails when
 * the committed file is out of date.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createCatalog } from "@matchplace/core";
import { readCatalogDocument } from "@matchplace/core/catalog-files";
import { buildOpenApiDocument } from "./build.js";

/** Where the committed document lives. */
export const openApiPath = fileURLToPath(new URL("../../openapi.json", import.meta.url));

/** The GameLift files the committed document's catalog comes from. */
const gameliftDir = fileURLToPath(new URL("../../../../infra/gamelift", import.meta.url));

/** The document as committed (2-space JSON with a trailing newline), for infra/gamelift's catalog. */
export function renderOpenApi(): string {
  return `${JSON.stringify(buildOpenApiDocument(createCatalog(readCatalogDocument(gameliftDir))), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(openApiPath, renderOpenApi());
  process.stdout.write(`wrote ${openApiPath}\n`);
}
