import { z } from "zod";
import { InvalidFleetStatusException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { fleetIdOrArn } from "../shapes.js";
import { checkRuntimeConfiguration, runtimeConfigurationInput } from "./fleetInputs.js";

/** UpdateRuntimeConfiguration: replaces the server process configuration (capacity follows at once). */
export const UpdateRuntimeConfiguration = defineOperation(
  z.object({ FleetId: fleetIdOrArn, RuntimeConfiguration: runtimeConfigurationInput }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    if (fleet.Status === "DELETING" || fleet.Status === "TERMINATED") {
      throw new InvalidFleetStatusException(`Fleet ${fleet.FleetId} is ${fleet.Status}.`);
    }
    checkRuntimeConfiguration(req.RuntimeConfiguration);
    fleet.RuntimeConfiguration = req.RuntimeConfiguration;
    return { RuntimeConfiguration: fleet.RuntimeConfiguration };
  },
);
