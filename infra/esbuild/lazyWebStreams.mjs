/**
 * Stands in for `node:stream/web` in the bundle of @middy/core (resolved here by plugins.mjs).
 *
 * middy 6 imports `ReadableStream` at module level for its streamifyResponse mode only, to test a
 * handler's response with `instanceof`; that import makes Node load its whole web streams
 * implementation, 2–3 ms of every cold start. No matchplace handler streams its response. This
 * object answers the same `instanceof` against Node's own `ReadableStream` (the global, which Node
 * loads on first use), so the load happens only if a response is ever tested. middy 7 defers the
 * import upstream but needs Node ≥ 22; drop this file with that upgrade.
 */
export const ReadableStream = {
  [Symbol.hasInstance]: (value) => value instanceof globalThis.ReadableStream,
};
