import { idOf } from "../../arns.js";
import { collections } from "../../engines/state/collections.js";
import type { FleetRecord } from "../../engines/state/records.js";
import { paginate } from "../paginate.js";
import type { EmulatorContext } from "../../engines/context.js";

/**
 * The fleets a Describe* call asks for: the named ones that exist (Limit ignored, as GameLift
 * does when ids are given), else all fleets paged by Limit/NextToken.
 */
export function selectFleets(
  ctx: EmulatorContext,
  req: { FleetIds?: string[]; Limit?: number; NextToken?: string },
): { fleets: FleetRecord[]; NextToken?: string } {
  const all = collections(ctx.store).fleets;
  if (req.FleetIds?.length) {
    return { fleets: req.FleetIds.map((id) => all.get(idOf(id))).filter((f): f is FleetRecord => f !== undefined) };
  }
  const page = paginate(all.values(), req.Limit, req.NextToken);
  return { fleets: page.items, NextToken: page.nextToken };
}
