import { z } from "zod";
import { isLiveSession } from "../../engines/fleets/capacity.js";
import { endGameSession } from "../../engines/sessions/gameSessions.js";
import { collections } from "../../engines/state/collections.js";
import { InvalidRequestException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { requireCompute } from "./computes.js";

/** DeregisterCompute: removes an Anywhere compute; game sessions still on it end (INTERRUPTED by the host going away). */
export const DeregisterCompute = defineOperation(
  z.object({ FleetId: z.string(), ComputeName: z.string() }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    if (fleet.ComputeType !== "ANYWHERE")
      throw new InvalidRequestException(`Fleet ${fleet.FleetId} is not an ANYWHERE fleet.`);
    const compute = requireCompute(ctx, fleet, req.ComputeName);
    const cols = collections(ctx.store);
    for (const s of cols.gameSessions.values()) {
      if (s.InstanceId === compute.InstanceId && isLiveSession(s)) endGameSession(ctx, s, "INTERRUPTED");
    }
    cols.instances.delete(compute.InstanceId);
    return {};
  },
);
