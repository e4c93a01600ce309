import { once } from "@matchplace/core";
import type { MiddlewareObj } from "@middy/core";
import type * as z from "zod/mini";
import { HttpError } from "../errors.js";
import type { HttpEvent } from "../types.js";
import { firstUnsafe } from "./hygiene.js";

/**
 * A part's schema, or a function building it: called on the first request and kept, so a schema
 * that depends on a linked resource (the matchmaking catalog) is not built when the module loads.
 */
export type SchemaSource = z.ZodMiniType | (() => z.ZodMiniType);

/** Schemas of the parts of a request; absent parts are passed through as `{}`/`undefined`. */
export interface ValidationOptions {
  readonly body?: SchemaSource | undefined;
  readonly params?: SchemaSource | undefined;
  readonly query?: SchemaSource | undefined;
}

/** The schema of a {@link SchemaSource}, built once on first use. */
function lazySchema(source: SchemaSource | undefined): () => z.ZodMiniType | undefined {
  return typeof source === "function" ? once(source) : () => source;
}

/** One failing field of a 400 response. */
export interface FieldIssue {
  /** Dotted path starting with the request part, e.g. `body.latencyInMs.us-east-1`. */
  readonly field: string;
  readonly message: string;
}

function issuesOf(part: string, error: z.core.$ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const path = [part, ...issue.path.map(String)];
    // Name each unknown key itself (e.g. body.attributes.skill), not just its parent object.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: [...path, key].join("."), message: "is not an accepted field" }));
    }
    // A bad record key: say what a key must look like, not just "Invalid key in record".
    const inner = issue.code === "invalid_key" ? issue.issues[0]?.message : undefined;
    return [{ field: path.join("."), message: inner ? `key ${inner}` : issue.message }];
  });
}

/**
 * Validates body, path parameters and query string with zod into `event.input`; the first failing
 * field is named in the message, all of them in `details`. Before any schema, every part is checked
 * for `__proto__`/`constructor`/`prototype` keys and for NUL or lone surrogates in keys and strings
 * (400, so they never reach a record or GameLift).
 * @example middy(fn).use(validation({ body: () => matchmakingSchemas(linkedCatalog()).startMatchmakingBody }))
 */
export function validation(options: ValidationOptions): MiddlewareObj<HttpEvent> {
  const params = lazySchema(options.params);
  const query = lazySchema(options.query);
  const body = lazySchema(options.body);
  const validationBefore = (request: { event: HttpEvent }): void => {
    const { event } = request;
    const parts: [string, z.ZodMiniType | undefined, unknown][] = [
      ["params", params(), event.pathParameters ?? {}],
      ["query", query(), event.queryStringParameters ?? {}],
      ["body", body(), event.jsonBody ?? {}],
    ];
    const issues: FieldIssue[] = [];
    const out: Record<string, unknown> = {};
    for (const [name, schema, value] of parts) {
      const unsafe = firstUnsafe(name, value);
      if (unsafe) {
        issues.push(unsafe);
        continue;
      }
      if (!schema) {
        out[name] = value;
        continue;
      }
      const result = schema.safeParse(value);
      if (result.success) out[name] = result.data;
      else issues.push(...issuesOf(name, result.error));
    }
    const first = issues[0];
    if (first) {
      throw new HttpError(400, "VALIDATION_FAILED", `${first.field}: ${first.message}`, { details: { issues } });
    }
    event.input = { body: out["body"], params: out["params"], query: out["query"] };
  };
  return { before: validationBefore };
}
