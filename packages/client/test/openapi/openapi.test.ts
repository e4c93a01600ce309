import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createCatalog } from "@matchplace/core";
import { readCatalogDocument } from "@matchplace/core/catalog-files";
import { routes } from "@matchplace/functions/routes";
import { describe, expect, it } from "vitest";
import { operations } from "../../src/operations.js";
import { buildOpenApiDocument } from "../../src/openapi/build.js";
import { openApiPath, renderOpenApi } from "../../src/openapi/generate.js";

/** infra/gamelift's catalog, read from the files (as the generator and the local stage read them). */
const arena = createCatalog(readCatalogDocument(fileURLToPath(new URL("../../../../infra/gamelift", import.meta.url))));

/** Another stage's catalog: a second configuration whose rule set lets clients set `region` too. */
const twoConfigurations = createCatalog({
  configurations: [
    ...arena.document.configurations,
    {
      key: "duel",
      ruleSetName: "duel-1v1",
      attributes: [
        { name: "mode", type: "string_list" },
        { name: "region", type: "string" },
      ],
      clientSettable: ["mode", "region"],
      acceptanceRequired: true,
      requestTimeoutSeconds: 60,
    },
  ],
  queues: arena.document.queues,
});

type Doc = {
  components: { schemas: Record<string, { properties?: Record<string, { type?: string; enum?: string[] }> }> };
};

describe("OpenAPI document", () => {
  it("is up to date in packages/client/openapi.json (run `npm run openapi`)", () => {
    expect(readFileSync(openApiPath, "utf8")).toBe(renderOpenApi());
  });

  it("describes exactly the player routes the server deploys, with the same auth (game-server IAM routes are not the client's)", () => {
    const documented = Object.values(operations)
      .map((o) => `${o.method} ${o.path} auth=${o.auth}`)
      .sort();
    const deployed = routes
      .filter((r) => r.auth !== "iam")
      .map((r) => `${r.method} ${r.path} auth=${r.auth === "jwt"}`)
      .sort();
    expect(documented).toEqual(deployed);
  });

  it("is OpenAPI 3.1 whose every $ref resolves to a component", () => {
    const doc = buildOpenApiDocument(arena) as { openapi: string; components: { schemas: Record<string, unknown> } };
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(doc.openapi).toBe("3.1.0");
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref);
  });

  it("takes client-settable attributes from the rule set: mode is a string list, skill is absent", () => {
    const doc = buildOpenApiDocument(arena) as Doc;
    const attributes = doc.components.schemas["ClientAttributes"]?.properties ?? {};
    expect(attributes["mode"]?.type).toBe("array");
    expect(attributes).not.toHaveProperty("skill");
  });

  it("is built for the catalog it is given: another catalog's configurations and attributes, then arena's again", () => {
    const other = buildOpenApiDocument(twoConfigurations) as Doc;
    expect(other.components.schemas["StartMatchmakingRequest"]?.properties?.["configuration"]?.enum).toEqual([
      "arena",
      "duel",
    ]);
    expect(Object.keys(other.components.schemas["ClientAttributes"]?.properties ?? {})).toEqual(["mode", "region"]);
    // Schemas of two catalogs share ids in the process; each document takes its own catalog's.
    expect(`${JSON.stringify(buildOpenApiDocument(arena), null, 2)}\n`).toBe(readFileSync(openApiPath, "utf8"));
  });
});
