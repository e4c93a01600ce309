/**
 * Size budgets of the handler bundles (bundled as SST bundles them: test/support/bundle.ts).
 *
 * The target: every handler within {@link TARGET_OVER_BARE} of the bare DynamoDB client's bundle,
 * plus the own code of any other AWS client it calls by design (SNS for MatchEvents, the API
 * Gateway Management API for WebSocket posts). A handler over the target would be listed in
 * {@link OVER_TARGET} with its ceiling and the reason; the test fails when a
 * handler grows past its budget, and when a listed handler is back under the target (so the list only
 * shrinks).
 */
import { deployedHandlers } from "../../infra/handlers.js";

/** Allowed bytes over the bare DynamoDB client bundle. */
export const TARGET_OVER_BARE = 150 * 1024;

/**
 * Other AWS clients a handler calls by design. Each adds its own package's bytes (as weighed in its
 * bare bundle) to the handler's budget; the SDK runtime they share with DynamoDB is counted once.
 */
export type ExtraClient = "sns" | "managementApi";

const fn = (module: string): string => `packages/functions/src/${module}.handler`;

/** Handlers that call an AWS client besides DynamoDB and GameLift. */
export const EXTRA_CLIENTS: Readonly<Record<string, readonly ExtraClient[]>> = {
  [fn("server/results")]: ["sns"],
  [fn("realtime/message")]: ["managementApi"],
  [fn("realtime/dispatch")]: ["sns", "managementApi"],
};

/**
 * Handlers over the target: bytes allowed over the bare DynamoDB bundle (extra clients excluded),
 * and why. The request schemas are zod/mini, openskill is bundled only by the results route, and
 * the GameLift client only by the routes that call GameLift. Adding an entry needs a reason.
 */
export const OVER_TARGET: Readonly<Record<string, { readonly overBare: number; readonly reason: string }>> = {};

/** Every deployed handler with the bytes it may have over the bare DynamoDB bundle (extra clients excluded). */
export function allowedOverBare(): Map<string, number> {
  return new Map(deployedHandlers().map((h) => [h, OVER_TARGET[h]?.overBare ?? TARGET_OVER_BARE]));
}
