export { httpHandler, type HttpHandlerOptions, type HttpLambda } from "./httpHandler.js";
export { HttpError, type ErrorCode, type HttpErrorOptions } from "./errors.js";
export { mapError } from "./mapError.js";
export { json, type HttpResult } from "./response.js";
export { apiLogger, rootLogger } from "./logger.js";
export type { HttpEvent, RouteRequest } from "./types.js";
