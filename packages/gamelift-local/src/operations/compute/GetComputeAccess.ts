import { z } from "zod";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { computeArnOf, computeNameOfRecord, randomToken, requireCompute } from "./computes.js";

/**
 * GetComputeAccess: temporary credentials and the target for an SSM session to a compute (on AWS:
 * `aws ssm start-session --target <Target>`). The emulator has no SSM; the credentials are fresh
 * random strings in AWS's shapes and the target is the instance id (EC2) or compute name.
 */
export const GetComputeAccess = defineOperation(
  z.object({ FleetId: z.string(), ComputeName: z.string() }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    const compute = requireCompute(ctx, fleet, req.ComputeName);
    return {
      FleetId: fleet.FleetId,
      FleetArn: fleet.FleetArn,
      ComputeName: computeNameOfRecord(compute),
      ComputeArn: computeArnOf(ctx, compute),
      Credentials: {
        AccessKeyId: `ASIA${randomToken(12)
          .replace(/[^A-Za-z0-9]/g, "A")
          .toUpperCase()
          .slice(0, 16)}`,
        SecretAccessKey: randomToken(30),
        SessionToken: randomToken(64),
      },
      Target: compute.compute ? compute.compute.ComputeName : compute.InstanceId,
    };
  },
);
