import { z } from "zod";
import { getPlacement } from "../../engines/placement/index.js";
import { NotFoundException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { placementView } from "../views/sessions.js";

/** DescribeGameSessionPlacement. */
export const DescribeGameSessionPlacement = defineOperation(
  z.object({
    PlacementId: z
      .string()
      .min(1)
      .max(48)
      .regex(/^[a-zA-Z0-9-]+$/),
  }),
  (req, ctx) => {
    const placement = getPlacement(ctx, req.PlacementId);
    if (!placement) throw new NotFoundException(`Game session placement ${req.PlacementId} not found.`);
    return { GameSessionPlacement: placementView(ctx, placement) };
  },
);
