import { parseArn } from "../../arns.js";
import { collections } from "../../engines/state/collections.js";
import type { EmulatorContext } from "../../engines/context.js";

/** Whether a taggable resource ARN names something that exists in this emulator (same Region and account). */
export function resourceExists(ctx: EmulatorContext, arn: string): boolean {
  const p = parseArn(arn);
  if (!p || p.region !== ctx.region || p.accountId !== ctx.accountId) return false;
  const cols = collections(ctx.store);
  switch (p.type) {
    case "fleet":
      return cols.fleets.has(p.resource);
    case "build":
      return cols.builds.has(p.resource);
    case "script":
      return cols.scripts.has(p.resource);
    case "alias":
      return cols.aliases.has(p.resource);
    case "gamesessionqueue":
      return cols.queues.has(p.resource);
    case "location":
      return cols.locations.has(p.resource);
    case "matchmakingconfiguration":
      return cols.matchmakingConfigurations.has(p.resource);
    case "matchmakingruleset":
      return cols.matchmakingRuleSets.has(p.resource);
    default:
      return false;
  }
}
