import { z } from "zod";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { paginate } from "../paginate.js";
import { fleetIdOrArn, limit, location, nextToken } from "../shapes.js";
import { playerGatewayStatus } from "../views/fleets.js";

/** DescribeFleetLocationAttributes: each location's status (all, or the named ones), paged. */
export const DescribeFleetLocationAttributes = defineOperation(
  z.object({
    FleetId: fleetIdOrArn,
    Locations: z.array(location).min(1).max(100).optional(),
    Limit: limit.optional(),
    NextToken: nextToken.optional(),
  }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    const locations = fleet.locations.filter((l) => !req.Locations || req.Locations.includes(l.Location));
    const page = paginate(locations, req.Locations ? undefined : req.Limit, req.NextToken);
    return {
      FleetId: fleet.FleetId,
      FleetArn: fleet.FleetArn,
      LocationAttributes: page.items.map((l) => ({
        LocationState: { Location: l.Location, Status: l.Status, PlayerGatewayStatus: playerGatewayStatus(fleet) },
        StoppedActions: l.StoppedActions,
      })),
      NextToken: page.nextToken,
    };
  },
);
