import { defineOperation } from "../defineOperation.js";
import { requireQueue } from "../../engines/placement/index.js";
import { queueNameOrArn } from "../shapes.js";
import { queueView } from "../views/resources.js";
import { checkQueueSettings, queueSettingsInput } from "./queueInputs.js";

/** UpdateGameSessionQueue: each given member replaces the old value (Destinations as a whole list). */
export const UpdateGameSessionQueue = defineOperation(
  queueSettingsInput.extend({ Name: queueNameOrArn }),
  (req, ctx) => {
    const queue = requireQueue(ctx, req.Name);
    const { Name: _name, ...changes } = req;
    const next = { ...queue };
    for (const [k, v] of Object.entries(changes)) if (v !== undefined) Object.assign(next, { [k]: v });
    checkQueueSettings(next);
    Object.assign(queue, next);
    return { GameSessionQueue: queueView(queue) };
  },
);
