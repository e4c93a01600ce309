import { readFileSync } from "node:fs";
import { routes } from "@matchplace/functions/routes";
import { describe, expect, it } from "vitest";
import { operations } from "../../src/operations.js";
import { buildOpenApiDocument } from "../../src/openapi/build.js";
import { openApiPath, renderOpenApi } from "../../src/openapi/generate.js";

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
    const doc = buildOpenApiDocument() as { openapi: string; components: { schemas: Record<string, unknown> } };
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(doc.openapi).toBe("3.1.0");
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref);
  });

  it("takes client-settable attributes from the rule set: mode is a string list, skill is absent", () => {
    const doc = buildOpenApiDocument() as {
      components: { schemas: Record<string, { properties?: Record<string, { type?: string }> }> };
    };
    const attributes = doc.components.schemas["ClientAttributes"]?.properties ?? {};
    expect(attributes["mode"]?.type).toBe("array");
    expect(attributes).not.toHaveProperty("skill");
  });
});
