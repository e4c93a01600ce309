/**
 * Every deployed handler, bundled as SST bundles it (esbuild, ESM, minified, platform node, target
 * node22, @aws-sdk/* bundled), stays within its size budget (test/bundle/budgets.ts). Sizes are
 * deterministic for a given lockfile, so this is a plain assertion, not a timing.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployedHandlers } from "../../infra/handlers.js";
import {
  BARE_DYNAMODB_ENTRY,
  BARE_MANAGEMENT_API_ENTRY,
  BARE_SNS_ENTRY,
  bundleHandlers,
  handlerModule,
  scratchDir,
  type HandlerBundle,
} from "../support/bundle.js";
import { pinning, runFresh } from "../support/freshProcess.js";
import { floorParts, packagesIn, stackFloors } from "../support/stackFloor.js";
import { EXTRA_CLIENTS, type ExtraClient, OVER_TARGET, TARGET_OVER_BARE, allowedOverBare } from "./budgets.js";

const ROOT = resolve(import.meta.dirname, "../..");
const scratch = scratchDir("mp-bundles-");
let bundles: Record<string, HandlerBundle>;
const entryName = (handler: string): string =>
  handler
    .replace(/^packages\/functions\/src\//, "")
    .replace(/\.handler$/, "")
    .replace(/\W+/g, "-");

beforeAll(async () => {
  const entries: Record<string, string> = {
    "bare-dynamodb": BARE_DYNAMODB_ENTRY,
    "bare-sns": BARE_SNS_ENTRY,
    "bare-management-api": BARE_MANAGEMENT_API_ENTRY,
  };
  for (const h of deployedHandlers()) entries[entryName(h)] = handlerModule(h);
  bundles = await bundleHandlers(entries, join(scratch.dir, "out"));
}, 180_000);
afterAll(() => scratch.remove());

const bytes = (name: string): number => bundles[name]!.bytes;
/** Where each extra client's own code lives, and the bare bundle it is weighed in. */
const EXTRA_CLIENT_PACKAGE: Record<ExtraClient, { bundle: string; dir: string }> = {
  sns: { bundle: "bare-sns", dir: "node_modules/@aws-sdk/client-sns/" },
  managementApi: { bundle: "bare-management-api", dir: "node_modules/@aws-sdk/client-apigatewaymanagementapi/" },
};
/**
 * The bytes an extra client adds to a handler that already bundles the DynamoDB client: the
 * client package's own code only, since the SDK runtime (@smithy/core, @aws-sdk/core, credential
 * providers) is shared — the test below checks it is bundled once.
 */
const extraClientBytes = (c: ExtraClient): number => {
  const { bundle, dir } = EXTRA_CLIENT_PACKAGE[c];
  return Object.entries(bundles[bundle]!.inputBytes)
    .filter(([f]) => f.startsWith(dir))
    .reduce((sum, [, b]) => sum + b, 0);
};
const budgetOf = (handler: string): number => {
  const extra = (EXTRA_CLIENTS[handler] ?? []).reduce((sum, c) => sum + extraClientBytes(c), 0);
  return bytes("bare-dynamodb") + extra + allowedOverBare().get(handler)!;
};

/** A DynamoDB repository class of core's adapter, by the file it lives in (the base class is not one). */
const REPOSITORY_FILE = /^packages\/core\/src\/adapters\/dynamo\/((?!EventFolded)(\w+Repository|\w+Store))\.ts$/;
/** The modules that build the repositories on first use, one accessor each (`export function players(): PlayerRepository`). */
const SERVICE_MODULES = ["packages/functions/src/http/services.ts", "packages/functions/src/realtime/services.ts"];

/** The repository classes whose code is in a bundle. */
function repositoriesIn(bundle: HandlerBundle): string[] {
  return Object.entries(bundle.inputBytes)
    .flatMap(([f, b]) => (b > 0 ? (REPOSITORY_FILE.exec(f)?.slice(1, 2) ?? []) : []))
    .sort();
}

/** `[imported names, module specifier]` of each named import of a source (type-only names left out). */
function namedImports(source: string): [string[], string][] {
  return [...source.matchAll(/import\s*(type\s*)?\{([^}]*)\}\s*from\s*"([^"]+)"/g)]
    .filter((m) => m[1] === undefined)
    .map((m) => [
      m[2]!
        .split(",")
        .map((n) => n.trim())
        .filter((n) => n !== "" && !n.startsWith("type ")),
      m[3]!,
    ]);
}

/**
 * The repository classes a handler references: what the service accessors it imports return (read
 * from the service modules themselves) and the classes it imports from `@matchplace/core/dynamo`
 * directly, over every file of packages/functions/src whose code is in its bundle.
 */
function referencedRepositories(bundle: HandlerBundle): string[] {
  const read = (f: string): string => readFileSync(join(ROOT, f), "utf8");
  const returns = new Map(
    SERVICE_MODULES.map((m) => [
      m,
      new Map([...read(m).matchAll(/export function (\w+)\(\): (\w+)/g)].map((x) => [x[1]!, x[2]!])),
    ]),
  );
  const classes = Object.entries(bundle.inputBytes)
    .filter(([f, b]) => b > 0 && f.startsWith("packages/functions/src/") && !SERVICE_MODULES.includes(f))
    .flatMap(([f]) =>
      namedImports(read(f)).flatMap(([names, from]) => {
        if (from === "@matchplace/core/dynamo") return names;
        const target = relative(ROOT, resolve(ROOT, dirname(f), from)).replace(/\.js$/, ".ts");
        return names.flatMap((n) => returns.get(target)?.get(n) ?? []);
      }),
    );
  return [...new Set(classes)].filter((c) => REPOSITORY_FILE.test(`packages/core/src/adapters/dynamo/${c}.ts`)).sort();
}

describe("handler bundle sizes", () => {
  it.each(deployedHandlers())("%s is within its budget", (handler) => {
    const size = bytes(entryName(handler));
    expect(size, `${handler}: ${size} bytes, budget ${budgetOf(handler)}`).toBeLessThanOrEqual(budgetOf(handler));
  });

  it("lists a handler as over the target only while it is", () => {
    const backUnder = Object.keys(OVER_TARGET).filter((h) => {
      const target = budgetOf(h) - allowedOverBare().get(h)! + TARGET_OVER_BARE;
      return bytes(entryName(h)) <= target;
    });
    expect(backUnder, "remove these from OVER_TARGET in test/bundle/budgets.ts").toEqual([]);
  });

  it("loads none of Node's web streams at import (middy's import of them is deferred: infra/esbuild/plugins.mjs)", () => {
    const pin = pinning("0");
    // Node's web-stream modules a fresh process holds after importing a bundle.
    const webStreams = (bundle: HandlerBundle): string[] =>
      runFresh(
        `await import(${JSON.stringify(pathToFileURL(bundle.file).href)});console.log(JSON.stringify(process.moduleLoadList.filter((m) => /stream\\/web|webstreams/.test(m))))`,
        pin,
      ) as string[];
    // The few that the SDK's own import loads (the bare DynamoDB bundle's) are not middy's.
    const bare = new Set(webStreams(bundles["bare-dynamodb"]!));
    const loaded = deployedHandlers().flatMap((h) =>
      webStreams(bundles[entryName(h)]!)
        .filter((m) => !bare.has(m))
        .map((m) => `${h}: ${m}`),
    );
    expect(loaded).toEqual([]);
    // Every bundle with middy carries the stand-in (infra/esbuild/lazyWebStreams.mjs) in place of Node's module.
    const withMiddy = deployedHandlers().filter((h) =>
      bundles[entryName(h)]!.inputs.some((f) => f.startsWith("node_modules/@middy/core/")),
    );
    expect(withMiddy.length).toBeGreaterThan(0);
    for (const h of withMiddy) expect(bundles[entryName(h)]!.inputs, h).toContain("infra/esbuild/lazyWebStreams.mjs");
  });

  it("bundles the AWS SDK runtime once (every @aws-sdk/* client on one @smithy/core and @aws-sdk/core)", () => {
    // A client whose release needs a newer runtime than the hoisted one gets its own nested copy
    // (node_modules/@aws-sdk/client-x/node_modules/@smithy/core, …): ~250 KB more per handler and a
    // slower cold start. Keep the clients' versions aligned (`npm update @aws-sdk/core @smithy/core …`).
    const nested = deployedHandlers().flatMap((h) =>
      bundles[entryName(h)]!.inputs.filter((f) => /node_modules\/.*\/node_modules\/@(aws-sdk|smithy)\//.test(f)).map(
        (f) => `${h}: ${f.replace(/\/dist-.*$/, "")}`,
      ),
    );
    expect([...new Set(nested)]).toEqual([]);
  });

  it("bundles only the DynamoDB repositories each handler references", () => {
    const unexpected = deployedHandlers().flatMap((h) => {
      const bundled = repositoriesIn(bundles[entryName(h)]!);
      const referenced = referencedRepositories(bundles[entryName(h)]!);
      return bundled.filter((r) => !referenced.includes(r)).map((r) => `${h}: ${r}`);
    });
    expect(unexpected).toEqual([]);
    // The derivation sees what a route uses: a party write references its stores and no other …
    const create = bundles[entryName("packages/functions/src/parties/create.handler")]!;
    const partyWrite = ["IdempotencyStore", "PartyRepository", "PlayerRepository", "RateLimitStore"];
    expect(referencedRepositories(create)).toEqual(partyWrite);
    expect(repositoriesIn(create)).toEqual(partyWrite);
    // … and the poll reads through item readers: no repository class (and none of their write code) at all.
    expect(repositoriesIn(bundles[entryName("packages/functions/src/matchmaking/get.handler")]!)).toEqual([]);
  });

  it("keeps the GameLift client out of the handlers that never call GameLift", async () => {
    const { handlerAccess } = await import("../../infra/handlers.js");
    const withGameLift = deployedHandlers().filter((h) =>
      bundles[entryName(h)]!.inputs.some((f) => f.includes("node_modules/@aws-sdk/client-gamelift/")),
    );
    const callers = deployedHandlers().filter((h) => (handlerAccess[h]?.gamelift.length ?? 0) > 0);
    expect(withGameLift.sort()).toEqual(callers.sort());
  });

  it("drops the schema builders a handler never uses (each is declared pure)", async () => {
    // esbuild keeps a module-level call unless told it is pure, and with it the builder's code and
    // every zod type it names: each `once(...)` / `perCatalog(...)` declaration carries /* @__PURE__ */.
    const { readdirSync } = await import("node:fs");
    const sourceFiles = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".ts"))
        .map((f) => join(dir, f));
    const impure = ["packages/client/src", "packages/core/src", "packages/functions/src"]
      .flatMap(sourceFiles)
      .flatMap((f) =>
        // A declaration `= once(` / `= perCatalog(` (the call may sit on the next line), outside comments.
        [
          ...readFileSync(join(ROOT, f), "utf8").matchAll(
            /^(?!\s*(?:\*|\/\/)).*=\s*(\/\*[^*]*\*\/\s*)?(once|perCatalog)\(/gm,
          ),
        ]
          .filter((m) => m[1]?.includes("@__PURE__") !== true)
          .map((m) => `${f}: ${m[0].trim()}`),
      );
    expect(impure).toEqual([]);
    // The effect: only the handlers linked to the catalog bundle the catalog-built request schemas.
    const { handlerAccess } = await import("../../infra/handlers.js");
    const withCatalogSchemas = deployedHandlers().filter((h) =>
      readFileSync(bundles[entryName(h)]!.file, "utf8").includes("Matchmaking configuration; default"),
    );
    const linked = deployedHandlers().filter((h) => handlerAccess[h]?.catalog === true);
    expect(
      withCatalogSchemas.every((h) => linked.includes(h)),
      withCatalogSchemas.join(", "),
    ).toBe(true);
  });

  it("gives each handler a stack floor of the same third-party packages and none of our code (the import bench's reference)", async () => {
    const { floorOf, sources } = stackFloors(
      Object.fromEntries(deployedHandlers().map((h) => [h, bundles[entryName(h)]!.inputBytes])),
    );
    const floors = await bundleHandlers({}, join(scratch.dir, "floors"), sources);
    const thirdParty = (b: HandlerBundle): string[] => [...packagesIn(b.inputBytes)].sort();
    for (const h of deployedHandlers()) {
      const floor = floors[floorOf[h]!]!;
      expect(
        floor.inputs.filter((f) => f.startsWith("packages/")),
        h,
      ).toEqual([]);
      expect(floorParts(floor.inputBytes), h).toEqual(floorParts(bundles[entryName(h)]!.inputBytes));
      // Every package of the handler's bundle is in its floor's (the SDK runtime and openskill's math included).
      expect(
        thirdParty(bundles[entryName(h)]!).filter((p) => !thirdParty(floor).includes(p)),
        h,
      ).toEqual([]);
    }
    // A package with no part is refused rather than left out of the floor.
    expect(() => floorParts({ "node_modules/left-pad/index.js": 120 })).toThrow(/no stack part for left-pad/);
  });
});
