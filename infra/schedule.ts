/**
 * The reconciler: every minute it asks GameLift about tickets and placements that have gone quiet
 * (the sparse `pending` index) and repairs what events missed.
 */
import { schedules } from "@matchplace/functions/routes";
import { functionArgs } from "./functions.js";

/** The reconciliation schedule. */
export const reconcile = new sst.aws.CronV2("Reconcile", {
  schedule: "rate(1 minute)",
  // Shorter than the period, so runs never overlap.
  function: functionArgs(schedules.reconcile.handler, { timeout: "50 seconds" }),
});
