import { PlacementRepository, TicketRepository } from "@matchplace/core/dynamo";
import { table } from "../dynamo.js";
import { retentionSeconds } from "../edge.js";

/** The repositories GameLift's events fold into. */
export interface FoldTargets {
  readonly tickets: TicketRepository;
  readonly placements: PlacementRepository;
}

let targets: FoldTargets | undefined;

/**
 * What the events consumer, the reconciler and the DLQ redrive fold into, with the stage's retention
 * (`MATCHPLACE_RETENTION_SECONDS`): built on their first invocation, on the table's shared client, as
 * the HTTP routes' accessors are, and kept for the process.
 */
export function foldTargets(): FoldTargets {
  if (targets === undefined) {
    const options = { ...table(), retentionSeconds: retentionSeconds() };
    targets = { tickets: new TicketRepository(options), placements: new PlacementRepository(options) };
  }
  return targets;
}
