/**
 * The single DynamoDB table (docs/architecture.md, "DynamoDB table"): pk/sk, the sparse GSI
 * `pending` (pendingShard S, heardAt N, keys only: its reader fetches items by key), the sparse GSI `gameSession` (gameSessionKey S), TTL on `expiresAt`, on-demand billing,
 * point-in-time recovery, and a stream (new and old images) that feeds the realtime dispatcher
 * (infra/realtime.ts). Kept on `sst remove` in production ($app.removal "retain").
 */
import { realtime } from "@matchplace/functions/routes";

/** The data table, linked to handlers as `Table` (`Resource.Table.name`). */
export const table = new sst.aws.Dynamo("Table", {
  fields: { pk: "string", sk: "string", pendingShard: "string", heardAt: "number", gameSessionKey: "string" },
  primaryIndex: { hashKey: "pk", rangeKey: "sk" },
  globalIndexes: {
    pending: { hashKey: "pendingShard", rangeKey: "heardAt", projection: "keys-only" },
    // The tickets of a game session (game-server results and session end); sparse: placed tickets only.
    gameSession: { hashKey: "gameSessionKey", projection: "all" },
  },
  ttl: "expiresAt",
  stream: realtime.dispatcher.streamView,
  transform: {
    table: (args) => {
      args.pointInTimeRecovery = { enabled: true };
      // A production table must be deleted on purpose, not by a stray `sst remove`.
      args.deletionProtectionEnabled = $app.stage === "production";
    },
  },
});

// Links carry names only: each function gets exactly the table actions it uses from
// infra/permissions.ts, instead of the `dynamodb:*` that SST's default link grants.
sst.Linkable.wrap(sst.aws.Dynamo, (resource) => ({ properties: { name: resource.name } }));
