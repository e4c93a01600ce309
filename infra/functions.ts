/**
 * Defaults shared by every Lambda function: runtime, links and the handler's own permissions.
 */
import { catalog } from "./catalog.js";
import { config } from "./config.js";
import { handlerAccess } from "./handlers.js";
import { matchmaking } from "./matchmaking.js";
import { permissionsFor, type GrantTargets } from "./permissions.js";
import { table } from "./table.js";
import { events } from "./topics.js";

/** Lambda runtime of every handler. */
const RUNTIME = "nodejs22.x";

/**
 * The esbuild plugins of every handler's bundle (relative to sst.config.ts); test/support/bundle.ts
 * applies the same file, so the bundle-size test and the import bench weigh what is deployed.
 */
const ESBUILD_PLUGINS = "./infra/esbuild/plugins.mjs";

/**
 * `sst.aws.Function` arguments for a handler string (`packages/functions/src/<module>.<export>`):
 * links to `Table`, `Events` and `Matchmaking` (names only), to `Catalog` when its definition says it
 * names configurations or queues (`access.catalog`), and exactly the permissions its definition in
 * packages/functions/src/routes.ts declares (`access`, rendered by infra/permissions.ts). `grants` names the
 * resources of the handler's own infra file that its access refers to (the realtime API, the
 * MatchEvents topic).
 *
 * @example api.route("GET /v1/health", functionArgs("packages/functions/src/health/get.handler"));
 */
export function functionArgs(
  handler: string,
  extra: Partial<sst.aws.FunctionArgs> = {},
  grants: GrantTargets = {},
): sst.aws.FunctionArgs {
  return {
    handler,
    runtime: RUNTIME,
    architecture: "arm64",
    memory: "512 MB",
    timeout: "10 seconds",
    logging: { retention: "1 month", format: "json" },
    nodejs: { plugins: ESBUILD_PLUGINS },
    ...extra,
    environment: { ...config.functionSettings, POWERTOOLS_LOG_LEVEL: config.logLevel, ...extra.environment },
    transform: {
      ...extra.transform,
      role: (args) => {
        // SST's roles also trust the account root, which `sst dev` needs to run handlers locally;
        // a deployed stage needs Lambda only.
        if (!$dev)
          args.assumeRolePolicy = JSON.stringify(
            aws.iam.assumeRolePolicyForPrincipal({ Service: "lambda.amazonaws.com" }),
          );
      },
    },
    link: [
      table,
      events,
      matchmaking,
      ...(handlerAccess[handler]?.catalog ? [catalog] : []),
      ...((extra.link as unknown[] | undefined) ?? []),
    ],
    permissions: permissionsFor(handler, grants),
  };
}
