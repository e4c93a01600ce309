import { z } from "zod";
import { queueArn } from "../../arns.js";
import { collections } from "../../engines/state/collections.js";
import type { QueueRecord } from "../../engines/state/records.js";
import { InvalidRequestException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { tags } from "../shapes.js";
import { applyTags } from "../tagging.js";
import { queueView } from "../views/resources.js";
import { checkQueueSettings, queueSettingsInput } from "./queueInputs.js";

/** CreateGameSessionQueue. TimeoutInSeconds defaults to 600. */
export const CreateGameSessionQueue = defineOperation(
  queueSettingsInput.extend({
    Name: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[a-zA-Z0-9-]+$/),
    Tags: tags.optional(),
  }),
  (req, ctx) => {
    const queues = collections(ctx.store).queues;
    if (queues.has(req.Name)) throw new InvalidRequestException(`Game session queue ${req.Name} already exists.`);
    const { Tags, ...rest } = req;
    const queue: QueueRecord = {
      ...rest,
      GameSessionQueueArn: queueArn(ctx, req.Name),
      TimeoutInSeconds: req.TimeoutInSeconds ?? 600,
      PlayerLatencyPolicies: req.PlayerLatencyPolicies ?? [],
      Destinations: req.Destinations ?? [],
    };
    checkQueueSettings(queue);
    applyTags(ctx, queue.GameSessionQueueArn, Tags);
    queues.put(queue.Name, queue);
    return { GameSessionQueue: queueView(queue) };
  },
);
