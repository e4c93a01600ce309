import { z } from "zod";
import { defineOperation } from "../defineOperation.js";

/** DescribeVpcPeeringConnections: the emulator has no VPCs, so the list is always empty. */
export const DescribeVpcPeeringConnections = defineOperation(
  z.object({
    FleetId: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[a-z]*fleet-[a-zA-Z0-9-]+$/)
      .optional(),
  }),
  () => ({ VpcPeeringConnections: [] }),
);
