import { Resource } from "sst";

/** A linked SST resource is missing from the environment (`SST_RESOURCE_<Name>`). */
export class MissingLinkError extends Error {
  public constructor(name: string, field: string, options?: { cause?: unknown }) {
    super(`linked resource ${name}.${field} is not set (SST_RESOURCE_${name})`, options);
    this.name = "MissingLinkError";
  }
}

/**
 * Reads a string field of a linked resource (`Resource.Table.name`) without needing generated
 * `sst-env.d.ts` types; throws {@link MissingLinkError} when the link is absent.
 * @example const tableName = linkedString("Table", "name");
 */
export function linkedString(name: string, field: string): string {
  let value: unknown;
  try {
    const resource = (Resource as unknown as Record<string, unknown>)[name];
    value =
      typeof resource === "object" && resource !== null ? (resource as Record<string, unknown>)[field] : undefined;
  } catch (err) {
    throw new MissingLinkError(name, field, { cause: err });
  }
  if (typeof value !== "string" || value === "") throw new MissingLinkError(name, field);
  return value;
}
