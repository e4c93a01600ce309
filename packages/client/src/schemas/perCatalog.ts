import type { Catalog } from "@matchplace/core";

/**
 * Memoises a schema builder per catalog: the schemas that depend on the stage's matchmaking catalog
 * are built on first use for a catalog and shared after, so a handler builds them once per process.
 * @example export const placementSchemas = perCatalog((catalog) => ({ queueKey: z.enum(...) }));
 */
export function perCatalog<T>(build: (catalog: Catalog) => T): (catalog: Catalog) => T {
  const built = new WeakMap<Catalog, T>();
  return (catalog) => {
    let value = built.get(catalog);
    if (value === undefined) {
      value = build(catalog);
      built.set(catalog, value);
    }
    return value;
  };
}
