import { z } from "zod";
import { defineOperation } from "../defineOperation.js";
import { fleetOfAlias } from "../lookup.js";
import { aliasIdOrArn } from "../shapes.js";

/** ResolveAlias: the fleet of a SIMPLE alias; TERMINAL raises TerminalRoutingStrategyException with its message. */
export const ResolveAlias = defineOperation(z.object({ AliasId: aliasIdOrArn }), (req, ctx) => {
  const fleet = fleetOfAlias(ctx, req.AliasId);
  return { FleetId: fleet.FleetId, FleetArn: fleet.FleetArn };
});
