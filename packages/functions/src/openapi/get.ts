import { buildOpenApiDocument } from "@matchplace/client/openapi";
import { linkedCatalog } from "../edge.js";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";

const logger = apiLogger("openapi.get");
// Built once per process, on the first request, for the stage's linked matchmaking catalog.
let document: Record<string, unknown> | undefined;

/** GET /v1/openapi.json (no auth): the OpenAPI 3.1 document, built from the handlers' zod schemas. */
export const handler = httpHandler({ logger, auth: false }, async () => {
  document ??= buildOpenApiDocument(linkedCatalog());
  return { status: 200, headers: { "cache-control": "public, max-age=300" }, body: document };
});
