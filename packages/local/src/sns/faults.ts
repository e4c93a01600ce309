import {
  NOTIFICATION_SHARES,
  noNotificationFaults,
  parseFaultSpec,
  type NotificationFaults,
} from "@matchplace/gamelift-local";

/**
 * Fault knobs for the local SNS's deliveries: the emulator's own notification knobs (drop,
 * duplicate, delay, reorder, maxDelayMs), applied to every message published, whoever published it.
 */
export type DeliveryFaults = NotificationFaults;

export const noFaults: DeliveryFaults = noNotificationFaults;

/** Parses `drop=0.1,duplicate=0.2,delay=0.3,reorder=0.2,maxDelayMs=2000` (the `--sns-faults` flag). */
export function parseFaults(spec: string): DeliveryFaults {
  return parseFaultSpec(spec, noFaults, NOTIFICATION_SHARES);
}
