import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { paginate } from "../paginate.js";
import { fleetIdOrArn, limit, nextToken, timestamp } from "../shapes.js";

/** DescribeFleetEvents: creation, status changes, scaling and deletion, within [StartTime, EndTime]. */
export const DescribeFleetEvents = defineOperation(
  z.object({
    FleetId: fleetIdOrArn,
    StartTime: timestamp.optional(),
    EndTime: timestamp.optional(),
    Limit: limit.optional(),
    NextToken: nextToken.optional(),
  }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    const from = req.StartTime?.getTime() ?? -Infinity;
    const to = req.EndTime?.getTime() ?? Infinity;
    const events = collections(ctx.store)
      .fleetEvents.values()
      .filter((e) => e.ResourceId === fleet.FleetId && e.EventTime >= from && e.EventTime <= to);
    const page = paginate(events, req.Limit, req.NextToken);
    return { Events: page.items.map((e) => ({ ...e, EventTime: new Date(e.EventTime) })), NextToken: page.nextToken };
  },
);
