import { z } from "zod";
import type { AliasRecord } from "../../engines/state/records.js";
import { InvalidRequestException } from "../../errors.js";
import { requireFleet } from "../lookup.js";
import { fleetIdOrArn, text } from "../shapes.js";
import type { EmulatorContext } from "../../engines/context.js";

/** RoutingStrategy input. */
export const routingStrategyInput = z.object({
  Type: z.enum(["SIMPLE", "TERMINAL"]).optional(),
  FleetId: fleetIdOrArn.optional(),
  Message: text(0, 1024).optional(),
});

/** A checked routing strategy: SIMPLE names an existing fleet (by id), TERMINAL carries a message. */
export function routingStrategy(
  ctx: EmulatorContext,
  input: z.output<typeof routingStrategyInput>,
): AliasRecord["RoutingStrategy"] {
  const type = input.Type ?? "SIMPLE";
  if (type === "TERMINAL") return { Type: "TERMINAL", Message: input.Message };
  if (!input.FleetId) throw new InvalidRequestException("A SIMPLE routing strategy needs a FleetId.");
  return { Type: "SIMPLE", FleetId: requireFleet(ctx, input.FleetId).FleetId };
}
