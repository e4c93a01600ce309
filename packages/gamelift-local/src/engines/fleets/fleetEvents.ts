import type { EmulatorContext } from "../context.js";
import { collections } from "../state/collections.js";

/** Records a fleet event (DescribeFleetEvents) at the clock's time. */
export function recordFleetEvent(ctx: EmulatorContext, fleetId: string, eventCode: string, message: string): void {
  const EventId = ctx.ids.uuid();
  collections(ctx.store).fleetEvents.put(EventId, {
    EventId,
    ResourceId: fleetId,
    EventCode: eventCode,
    Message: message,
    EventTime: ctx.clock.now(),
  });
}
