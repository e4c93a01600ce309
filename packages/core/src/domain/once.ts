/**
 * Memoises a builder with no arguments: the first call builds, every later call returns the same
 * value. Schemas are declared this way so that loading a module builds none of them; a handler
 * builds only the ones its request path uses, once per process.
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
