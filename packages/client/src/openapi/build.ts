import type { Catalog } from "@matchplace/core";
import * as z from "zod";
import { errorBody, operations, type OperationSpec } from "../operations.js";
import { matchmakingSchemas, placementSchemas, updatePlayerBody } from "../schemas/index.js";

/** An operation whose body schema is resolved for one catalog. */
type ResolvedOperation = Omit<OperationSpec, "body"> & { readonly body?: z.core.$ZodType };

type Json = Record<string, unknown>;

const refPrefix = "#/components/schemas/";

const commonErrors: Readonly<Record<number, string>> = {
  304: "Not modified (If-None-Match matched the ETag)",
  400: "Invalid input; the message names the field",
  401: "Missing or invalid token",
  404: "Not found, or not visible to the caller",
  409: "Conflicts with the current state",
  413: "Body too large",
  415: "Content-Type is not application/json",
  422: "Idempotency-Key reused with a different request",
  429: "Rate limited (per player, or GameLift throttling); see Retry-After",
  503: "A dependency is unavailable; see Retry-After",
};

/**
 * Every schema with a `.meta({ id })` built so far (schemas are memoised builders: one not built yet
 * is not registered), plus `catalogSchemas`, as OpenAPI components (input shapes: what clients
 * send). The catalog-dependent schemas are built per catalog under the same ids, so the document
 * takes those of `catalogSchemas` (this catalog's) over any other catalog's registered in the process.
 */
function allComponents(catalogSchemas: readonly z.core.$ZodType[]): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  const add = (schema: z.core.$ZodType): void => {
    const id = z.globalRegistry.get(schema)?.id;
    if (typeof id === "string") registry.add(schema, { id });
  };
  for (const schema of z.globalRegistry._idmap.values()) add(schema);
  for (const schema of catalogSchemas) add(schema);
  const out = z.toJSONSchema(registry, {
    io: "input",
    uri: (id) => `${refPrefix}${id}`,
    unrepresentable: "any",
  });
  const schemas: Record<string, Json> = {};
  for (const [id, schema] of Object.entries(out.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema as Json;
    schemas[id] = rest;
  }
  return schemas;
}

function refTo(schema: z.core.$ZodType): Json {
  const id = z.globalRegistry.get(schema)?.id;
  if (typeof id !== "string") throw new Error("API schemas must carry .meta({ id })");
  return { $ref: `${refPrefix}${id}` };
}

/** Ids referenced (transitively) from `roots`. */
function closure(roots: Json[], all: Record<string, Json>): Set<string> {
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (node === null || typeof node !== "object") return;
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string" && v.startsWith(refPrefix)) {
        const id = v.slice(refPrefix.length);
        if (!seen.has(id)) {
          seen.add(id);
          visit(all[id]);
        }
      } else visit(v);
    }
  };
  roots.forEach(visit);
  return seen;
}

function parameters(op: ResolvedOperation): Json[] {
  const out: Json[] = [];
  if (op.params) {
    const shape = z.toJSONSchema(op.params, { io: "input" }) as { properties?: Record<string, Json> };
    for (const [name, schema] of Object.entries(shape.properties ?? {}))
      out.push({ name, in: "path", required: true, schema });
  }
  if (op.idempotent) {
    out.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      schema: { type: "string", pattern: "^[A-Za-z0-9_.:-]{1,128}$" },
    });
  }
  if (op.conditional) out.push({ name: "If-None-Match", in: "header", required: false, schema: { type: "string" } });
  return out;
}

/** A body is required when its schema requires any field (an empty body counts as `{}`). */
function hasRequiredFields(schema: z.core.$ZodType): boolean {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    required?: string[];
    $defs?: Record<string, { required?: string[] }>;
  };
  const required = json.required ?? Object.values(json.$defs ?? {})[0]?.required ?? [];
  return required.length > 0;
}

const retryAfterHeader = {
  "Retry-After": { description: "Seconds to wait before retrying", schema: { type: "integer" } },
};

function operationObject(id: string, op: ResolvedOperation): Json {
  const error = { content: { "application/json": { schema: refTo(errorBody()) } } };
  const statuses = new Set<number>([
    ...(op.body || op.params ? [400] : []),
    ...(op.auth ? [401, 429] : []),
    ...(op.body ? [413, 415] : []),
    ...op.errors,
    503,
  ]);
  const responses: Json = {
    [String(op.success.status)]: op.success.schema
      ? { description: "Success", content: { "application/json": { schema: refTo(op.success.schema) } } }
      : { description: "Success, no content" },
  };
  for (const s of [...statuses].sort()) {
    const headers = s === 429 || s === 503 ? { headers: retryAfterHeader } : {};
    responses[String(s)] =
      s === 304 ? { description: commonErrors[s] } : { description: commonErrors[s] ?? "Error", ...headers, ...error };
  }
  const params = parameters(op);
  return {
    operationId: id,
    summary: op.summary,
    ...(op.auth ? {} : { security: [] }),
    ...(params.length ? { parameters: params } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: hasRequiredFields(op.body),
            content: { "application/json": { schema: refTo(op.body) } },
          },
        }
      : {}),
    responses,
  };
}

/**
 * The OpenAPI 3.1 document of the player API for a stage's matchmaking catalog, generated from the
 * same zod schemas the handlers validate with. Deterministic: regenerating an unchanged API yields
 * identical JSON.
 * @example writeFileSync("openapi.json", JSON.stringify(buildOpenApiDocument(catalog), null, 2));
 */
export function buildOpenApiDocument(catalog: Catalog): Json {
  const resolved = Object.entries(operations as Record<string, OperationSpec>).map(
    ([id, op]): [string, ResolvedOperation] => [
      id,
      { ...op, ...(typeof op.body === "function" ? { body: op.body(catalog) } : {}) } as ResolvedOperation,
    ],
  );
  // Schemas are built on first use: build those the document names but no operation holds.
  const all = allComponents([
    errorBody(),
    ...Object.values(matchmakingSchemas(catalog)),
    updatePlayerBody(catalog),
    ...Object.values(placementSchemas(catalog)),
  ]);
  const paths: Record<string, Json> = {};
  for (const [id, op] of resolved) {
    paths[op.path] = { ...paths[op.path], [op.method.toLowerCase()]: operationObject(id, op) };
  }
  const used = closure([paths], all);
  const schemas = Object.fromEntries([...used].sort().map((id) => [id, all[id]]));
  return {
    openapi: "3.1.0",
    info: {
      title: "matchplace player API",
      version: "1.0.0",
      description: "Puts players into Amazon GameLift game sessions via FlexMatch.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    security: [{ jwt: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        jwt: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "The player's id is the token's sub" },
      },
    },
  };
}
