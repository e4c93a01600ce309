import { z } from "zod";
import type { QueueRecord } from "../../engines/state/records.js";
import { InvalidRequestException } from "../../errors.js";
import { location, text } from "../shapes.js";

/** The queue members shared by Create and Update. */
export const queueSettingsInput = z.object({
  TimeoutInSeconds: z.number().int().min(0).optional(),
  PlayerLatencyPolicies: z
    .array(
      z.object({
        MaximumIndividualPlayerLatencyMilliseconds: z.number().int().min(0).optional(),
        PolicyDurationSeconds: z.number().int().min(0).optional(),
      }),
    )
    .optional(),
  Destinations: z
    .array(
      z.object({
        DestinationArn: z
          .string()
          .min(1)
          .max(256)
          .regex(/^[a-zA-Z0-9:/-]+$/),
      }),
    )
    .optional(),
  FilterConfiguration: z.object({ AllowedLocations: z.array(location).min(1).max(100).optional() }).optional(),
  PriorityConfiguration: z
    .object({
      PriorityOrder: z
        .array(z.enum(["LATENCY", "COST", "DESTINATION", "LOCATION"]))
        .min(1)
        .max(4)
        .optional(),
      LocationOrder: z.array(location).min(1).max(100).optional(),
    })
    .optional(),
  CustomEventData: text(0, 256).optional(),
  NotificationTarget: z
    .string()
    .max(300)
    .regex(/^[a-zA-Z0-9:_-]*(\.fifo)?$/)
    .optional(),
});

/** Checks what the schema cannot: destination ARN types, the priority configuration. */
export function checkQueueSettings(q: Partial<QueueRecord>): void {
  for (const d of q.Destinations ?? []) {
    if (!/^arn:.*:([a-z]*fleet\/[a-z]*fleet-|alias\/alias-)\S+$/.test(d.DestinationArn)) {
      throw new InvalidRequestException(`Destination ${d.DestinationArn} is not a fleet or alias ARN.`);
    }
  }
  const order = q.PriorityConfiguration?.PriorityOrder ?? [];
  if (new Set(order).size !== order.length)
    throw new InvalidRequestException("PriorityOrder lists a priority more than once.");
  if (order.includes("LOCATION") && !q.PriorityConfiguration?.LocationOrder?.length) {
    throw new InvalidRequestException("PriorityConfiguration with LOCATION needs a LocationOrder.");
  }
}
