/**
 * `linkedCatalog()` as a cold start meets it. SST reads `SST_RESOURCE_*` once per process, so each
 * case runs the edge module in its own Node process with its own environment (no test double).
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { readCatalogDocument } from "@matchplace/core/catalog-files";
import { describe, expect, it } from "vitest";

const edge = fileURLToPath(new URL("../src/edge.ts", import.meta.url));
const gameliftDir = fileURLToPath(new URL("../../../infra/gamelift", import.meta.url));

/** Runs `script` (an ES module) in a fresh Node process whose only links are `links`; its last line of output, parsed. */
async function inProcess(script: string, links: Record<string, string>): Promise<Record<string, unknown>> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script],
    {
      env: {
        PATH: process.env["PATH"],
        SST_RESOURCE_App: JSON.stringify({ name: "matchplace", stage: "test" }),
        ...links,
      },
    },
  );
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as Record<string, unknown>;
}

/** What `linkedCatalog()` gives (twice, to see it kept) or throws in a process with `links` set. */
async function coldStart(links: Record<string, string>): Promise<Record<string, unknown>> {
  const script = `
    const { linkedCatalog } = await import(${JSON.stringify(edge)});
    try {
      const catalog = linkedCatalog();
      console.log(JSON.stringify({ keys: catalog.configurations.map((c) => c.key), kept: linkedCatalog() === catalog }));
    } catch (err) {
      console.log(JSON.stringify({ name: err.name, message: err.message }));
    }`;
  return inProcess(script, links);
}

describe("linkedCatalog", () => {
  it("builds the catalog from the Catalog link (SST's `type` member included) once per process", async () => {
    const document = { ...readCatalogDocument(gameliftDir), type: "sst.sst.Linkable" };
    expect(await coldStart({ SST_RESOURCE_Catalog: JSON.stringify(document) })).toEqual({
      keys: ["arena"],
      kept: true,
    });
  });

  it("throws EdgeConfigError naming the link when it is missing", async () => {
    expect(await coldStart({})).toEqual({
      name: "EdgeConfigError",
      message: "linked resource Catalog is not set (SST_RESOURCE_Catalog)",
    });
  });

  it("throws EdgeConfigError naming what is wrong when the document is malformed", async () => {
    const document = readCatalogDocument(gameliftDir);
    const broken = { ...document, configurations: [{ ...document.configurations[0], clientSettable: ["rank"] }] };
    expect(await coldStart({ SST_RESOURCE_Catalog: JSON.stringify(broken) })).toEqual({
      name: "EdgeConfigError",
      message:
        'linked resource Catalog is malformed: matchmaking catalog: client-settable "rank" of configuration "arena" is not declared by rule set arena-2v2',
    });
    expect(await coldStart({ SST_RESOURCE_Catalog: JSON.stringify({ configurations: "arena" }) })).toMatchObject({
      name: "EdgeConfigError",
      message: expect.stringContaining(
        "linked resource Catalog is malformed: matchmaking catalog: document is malformed",
      ),
    });
  });

  it("is not read when a handler that names profiles is loaded: its body schema is built on the first request", async () => {
    const modules = ["matchmaking/start", "placements/start", "players/patchMe", "openapi/get"].map((m) =>
      fileURLToPath(new URL(`../src/${m}.ts`, import.meta.url)),
    );
    const script = `
      const loaded = [];
      for (const m of ${JSON.stringify(modules)}) loaded.push(typeof (await import(m)).handler);
      console.log(JSON.stringify({ loaded }));`;
    expect(await inProcess(script, {})).toEqual({
      loaded: ["function", "function", "function", "function"],
    });
  });
});
