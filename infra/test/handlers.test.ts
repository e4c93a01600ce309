/**
 * The handlers infra deploys against the real packages/functions tree, read at test time: each one
 * exists with its named export, no handler module is left undeployed, and each has its permissions
 * (declared beside it in routes.ts) exactly once.
 * No Pulumi here: esbuild reads the modules (third-party packages stay external).
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { RateLimitStore } from "@matchplace/core/dynamo";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { accessByHandler, deployedHandlers, handlerAccess, RATE_LIMIT_KEY_PREFIX } from "../handlers.js";
import { ROOT } from "./harness/runInfra.js";
import { resolveHandler } from "./harness/sstServer.js";

type Esbuild = typeof import("esbuild");
const FUNCTIONS_SRC = path.join(ROOT, "packages", "functions", "src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) && !/\.(test|d)\.[mc]?[tj]s$/.test(entry.name)
      ? [path.relative(ROOT, full)]
      : [];
  });
}

/** Named exports of every module under packages/functions/src, keyed by repo-relative path. */
let exportsOf: Map<string, string[]>;

beforeAll(async () => {
  const esbuild = createRequire(path.join(ROOT, ".sst", "platform", "package.json"))("esbuild") as Esbuild;
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: sourceFiles(FUNCTIONS_SRC),
    outdir: path.join(ROOT, ".sst", "handler-exports"),
    write: false,
    bundle: false,
    platform: "node",
    format: "esm",
    metafile: true,
    logLevel: "silent",
  });
  exportsOf = new Map(
    Object.values(result.metafile.outputs).flatMap((o) => (o.entryPoint ? [[o.entryPoint, o.exports]] : [])),
  );
});

describe("deployed handlers", () => {
  it.each(deployedHandlers())("%s exists with that named export", (handler) => {
    const { source, exportName } = resolveHandler(ROOT, handler);
    expect(source, `no module for ${handler}`).toBeDefined();
    expect(exportsOf.get(source!), `exports of ${source}`).toContain(exportName);
  });

  it("leaves no handler module in packages/functions undeployed", () => {
    const deployed = new Set(deployedHandlers().map((h) => resolveHandler(ROOT, h).source));
    const handlerModules = [...exportsOf].filter(([, names]) => names.includes("handler")).map(([file]) => file);
    expect(handlerModules.filter((file) => !deployed.has(file))).toEqual([]);
  });

  it("has the permissions of every deployed handler, with a table mode infra/permissions.ts knows", () => {
    const modes = ["none", "read", "connections", "write"];
    const without = deployedHandlers().filter((h) => !modes.includes(handlerAccess[h]?.table as string));
    expect(without, "declare `access` beside these handlers in packages/functions/src/routes.ts").toEqual([]);
  });

  it("refuses one handler declared twice with different access, and accepts the same access twice", () => {
    const handler = "packages/functions/src/x.handler";
    const read = { table: "read", gamelift: [] } as const;
    expect(() =>
      accessByHandler([
        { handler, access: read },
        { handler, access: { table: "write", gamelift: [] } },
      ]),
    ).toThrow(/declared twice/);
    expect(
      accessByHandler([
        { handler, access: read },
        { handler, access: { gamelift: [], table: "read" } },
      ]),
    ).toEqual({ [handler]: read });
  });

  it("names the partition-key prefix core's write limiter writes", async () => {
    const keys: { pk: string }[] = [];
    const client = {
      send: async (command: { input: { Key: { pk: string } } }) => {
        keys.push(command.input.Key);
        return { Attributes: { count: 1 } };
      },
    };
    await new RateLimitStore({ client: client as unknown as DynamoDBDocumentClient, tableName: "t" }).hit(
      "p1",
      { bucket: "read", limit: 5, windowMs: 1000 },
      0,
    );
    expect(keys).toHaveLength(1);
    expect(keys[0]!.pk.startsWith(RATE_LIMIT_KEY_PREFIX)).toBe(true);
  });
});
