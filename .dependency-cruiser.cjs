// The layering the docs describe, as rules that fail `npm test` (`npm run depcruise`).
// Type-only imports count too (tsPreCompilationDeps), so a layer cannot lean on an upper one through its types.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-domain-no-adapters",
      comment: "core's domain is pure: it declares ports and never imports an adapter.",
      severity: "error",
      from: { path: "^packages/core/src/domain/" },
      to: { path: "^packages/core/src/adapters/" },
    },
    {
      name: "core-domain-no-aws-sdk",
      comment: "core's domain never touches an AWS SDK client; adapters do.",
      severity: "error",
      from: { path: "^packages/core/src/domain/" },
      to: { path: "node_modules/(@aws-sdk|@smithy|@aws-lambda-powertools)/" },
    },
    {
      name: "core-not-above-handlers",
      comment: "Handlers (packages/functions) import core, never the reverse; core imports no other workspace package.",
      severity: "error",
      from: { path: "^packages/core/src/" },
      to: { path: "^packages/(functions|local|cli|client|gamelift-local)/" },
    },
    {
      name: "no-infra-from-packages",
      comment:
        "Nothing under packages/ imports from infra/. Data under infra/gamelift reaches the code as values: " +
        "infra links the matchmaking catalog (Catalog), the local stage and the OpenAPI generator read the files.",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^infra/" },
    },
    {
      name: "routes-table-imports-nothing",
      comment:
        "packages/functions/src/routes.ts is plain data: handlers bundle it, infra and the client read it, so it imports nothing.",
      severity: "error",
      from: { path: "^packages/functions/src/routes\\.ts$" },
      to: {},
    },
    {
      name: "emulator-store-clock-bottom",
      comment: "Emulator: store and clock are the bottom layer; they import no engine, operation or protocol code.",
      severity: "error",
      from: { path: "^packages/gamelift-local/src/(store|clock)/" },
      to: { path: "^packages/gamelift-local/src/(engines|operations|protocol)/" },
    },
    {
      name: "emulator-engines-below-operations",
      comment:
        "Emulator: engines never import operations or protocol (protocol -> operations -> engines -> store/clock).",
      severity: "error",
      from: { path: "^packages/gamelift-local/src/engines/" },
      to: { path: "^packages/gamelift-local/src/(operations|protocol)/" },
    },
    {
      name: "emulator-operations-below-protocol",
      comment: "Emulator: operations never import the wire protocol layer.",
      severity: "error",
      from: { path: "^packages/gamelift-local/src/operations/" },
      to: { path: "^packages/gamelift-local/src/protocol/" },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that resolves to nothing would hide a layering breach from the rules above.",
      severity: "error",
      from: {},
      // aws-lambda is a types-only name (@types/aws-lambda), which the resolver does not map.
      to: { couldNotResolve: true, pathNot: "^aws-lambda$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js", ".json"],
    },
  },
};
