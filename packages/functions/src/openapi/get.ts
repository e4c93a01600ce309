import { buildOpenApiDocument } from "@matchplace/client/openapi";
import { httpHandler } from "../http/httpHandler.js";
import { apiLogger } from "../http/logger.js";

const logger = apiLogger("openapi.get");
// Built once per process from immutable schemas.
const document = buildOpenApiDocument();

/** GET /v1/openapi.json (no auth): the OpenAPI 3.1 document, built from the handlers' zod schemas. */
export const handler = httpHandler({ logger, auth: false }, async () => ({
  status: 200,
  headers: { "cache-control": "public, max-age=300" },
  body: document,
}));
