/**
 * Writes packages/client/openapi.json from the zod schemas (`npm run openapi`). A test fails when
 * the committed file is out of date.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildOpenApiDocument } from "./build.js";

/** Where the committed document lives. */
export const openApiPath = fileURLToPath(new URL("../../openapi.json", import.meta.url));

/** The document as committed (2-space JSON with a trailing newline). */
export function renderOpenApi(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(openApiPath, renderOpenApi());
  process.stdout.write(`wrote ${openApiPath}\n`);
}
