/**
 * `EventsTrust`: what the events consumer (and the DLQ redrive) accept as "GameLift, for this
 * stage" — linked as `Resource.EventsTrust` and parsed by core's `parseEventTrust`. The local stage
 * builds the same shape from its seeded emulator (packages/local/src/seed.ts `eventTrustOf`).
 */
import { config } from "./config.js";
import { gameLift } from "./gameliftPlan.js";

const account = aws.getCallerIdentityOutput().accountId;
const region = aws.getRegionOutput().region;

/**
 * This account and Region, the configuration and queue ARNs that notify the topic, and the fleets
 * the queues place on (fleet destinations + `MATCHPLACE_TRUSTED_FLEET_IDS`, see docs/deploy.md).
 */
export const eventsTrust = new sst.Linkable("EventsTrust", {
  properties: {
    account,
    region,
    resources: $resolve([...gameLift.configurationArns, ...gameLift.queueArns]),
    fleetIds: [...config.trustedFleetIds],
  },
});
