import { z } from "zod";
import { stopPlacement } from "../../engines/placement/index.js";
import { defineOperation } from "../defineOperation.js";
import { placementView } from "../views/sessions.js";

/** StopGameSessionPlacement: PENDING → CANCELLED (PlacementCancelled); a FULFILLED one cannot stop. */
export const StopGameSessionPlacement = defineOperation(
  z.object({
    PlacementId: z
      .string()
      .min(1)
      .max(48)
      .regex(/^[a-zA-Z0-9-]+$/),
  }),
  async (req, ctx) => ({ GameSessionPlacement: placementView(ctx, await stopPlacement(ctx, req.PlacementId)) }),
);
