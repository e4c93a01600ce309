import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readCatalogDocument } from "../../../src/adapters/files/catalogFiles.js";
import { CatalogError, catalogDocument } from "../../../src/domain/matchmaking/catalog.js";
import { arenaFiles } from "../../domain/matchmaking/catalogFixture.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A directory laid out as infra/gamelift, holding the fixture's files (and `extra` files by path). */
function gameliftDir(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "mp-catalog-"));
  dirs.push(dir);
  for (const kind of ["rulesets", "configurations", "queues", "fleets"]) mkdirSync(join(dir, kind));
  const files: Record<string, unknown> = {
    "rulesets/arena-2v2.json": arenaFiles.ruleSets[0],
    "configurations/arena.json": arenaFiles.configurations[0],
    "queues/arena.json": arenaFiles.queues[0],
    "catalog.json": arenaFiles.choices,
    // Not part of the catalog: fleets and non-JSON files are not read.
    "fleets/local.json": "not even JSON",
    "queues/README.md": "# notes",
  };
  for (const [path, body] of Object.entries(files))
    writeFileSync(join(dir, path), typeof body === "string" ? body : JSON.stringify(body));
  for (const [path, body] of Object.entries(extra)) writeFileSync(join(dir, path), body);
  return dir;
}

describe("readCatalogDocument", () => {
  it("builds the document of the JSON files under rulesets/, configurations/, queues/ and catalog.json", () => {
    expect(readCatalogDocument(gameliftDir())).toEqual(catalogDocument(arenaFiles));
  });

  it("refuses a file that is not JSON, naming it", () => {
    const dir = gameliftDir({ "queues/broken.json": "{" });
    expect(() => readCatalogDocument(dir)).toThrow(CatalogError);
    expect(() => readCatalogDocument(dir)).toThrow(join(dir, "queues/broken.json"));
  });

  it("refuses a directory without catalog.json, naming the file", () => {
    const dir = gameliftDir();
    rmSync(join(dir, "catalog.json"));
    expect(() => readCatalogDocument(dir)).toThrow(join(dir, "catalog.json"));
  });
});
