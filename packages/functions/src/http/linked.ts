import { Resource } from "sst";
import * as z from "zod/mini";

/** A linked resource (SST `Resource.<name>`) is missing or malformed in this environment. */
export class LinkedResourceError extends Error {
  public constructor(name: string, options?: { cause?: unknown }) {
    super(`linked resource ${name} is missing or malformed (SST link / SST_RESOURCE_${name})`, options);
    this.name = "LinkedResourceError";
  }
}

const tableSchema = z.object({ name: z.string().check(z.minLength(1)) });
const matchmakingSchema = z.object({
  configurationName: z.string().check(z.minLength(1)),
  queueName: z.string().check(z.minLength(1)),
});

function linked<T>(name: string, schema: z.ZodMiniType<T>): T {
  try {
    return schema.parse((Resource as unknown as Record<string, unknown>)[name]);
  } catch (err) {
    throw new LinkedResourceError(name, { cause: err });
  }
}

/** Names the API needs, from SST links (locally: `SST_RESOURCE_Table` / `SST_RESOURCE_Matchmaking`). */
export interface LinkedNames {
  readonly tableName: string;
  readonly configurationName: string;
  readonly queueName: string;
}

/**
 * Reads the linked names once per process.
 * @throws LinkedResourceError naming the missing link.
 */
export function linkedNames(): LinkedNames {
  const table = linked("Table", tableSchema);
  const matchmaking = linked("Matchmaking", matchmakingSchema);
  return { tableName: table.name, configurationName: matchmaking.configurationName, queueName: matchmaking.queueName };
}
