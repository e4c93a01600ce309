import { apiLogger } from "../http/logger.js";
import { httpHandler } from "../http/httpHandler.js";

const logger = apiLogger("health.get");

/** GET /v1/health (no auth): liveness of the API function. */
export const handler = httpHandler({ logger, auth: false }, async () => ({
  status: 200,
  body: { status: "ok" },
}));
