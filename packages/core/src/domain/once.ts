/**
 * Memoises a builder with no arguments: the first call builds, every later call returns the same
 * value. Schemas are declared this way so that loading a module builds none of them; a handler
 * builds only the ones its request path uses, once per process. Declare each with a pure annotation
 * before the call (`@__PURE__` in a block comment): esbuild then drops the builders a handler never
 * uses, and the zod types only they name (test/bundle/bundleSize.test.ts checks every declaration).
 * @example export const envelopeSchema = once(() => z.looseObject({ id: z.string() }));
 */
export function once<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
