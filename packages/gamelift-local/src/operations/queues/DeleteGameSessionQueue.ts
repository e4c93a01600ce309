import { z } from "zod";
import { failPlacementsOfQueue, requireQueue } from "../../engines/placement/index.js";
import { collections } from "../../engines/state/collections.js";
import { defineOperation } from "../defineOperation.js";
import { queueNameOrArn } from "../shapes.js";
import { dropTags } from "../tagging.js";

/** DeleteGameSessionQueue: its PENDING placements fail (PlacementFailed). */
export const DeleteGameSessionQueue = defineOperation(z.object({ Name: queueNameOrArn }), async (req, ctx) => {
  const queue = requireQueue(ctx, req.Name);
  await failPlacementsOfQueue(ctx, queue);
  collections(ctx.store).queues.delete(queue.Name);
  dropTags(ctx, queue.GameSessionQueueArn);
  return {};
});
