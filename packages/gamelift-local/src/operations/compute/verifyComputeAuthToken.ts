import { collections } from "../../engines/state/collections.js";
import type { InstanceRecord } from "../../engines/state/records.js";
import type { EmulatorContext } from "../../engines/context.js";
import { computeKey } from "./computes.js";

/**
 * The seam for a real Server SDK 5 process (not connected yet): the SDK's `InitSDK` sends the
 * WebSocket URL (`Compute.GameLiftServiceSdkEndpoint`), fleet id, host id (= compute name), process id
 * and the auth token from GetComputeAuthToken. A socket server for that protocol would call this to
 * admit the process, then report `ProcessReady` / `ActivateGameSession` / `AcceptPlayerSession` /
 * `ProcessEnding` through `engines/sessions/serverProcess.ts` (what `acceptPlayerSession` and
 * `endGameSessionProcess` already do for tests).
 * @returns the compute when the token is one it was given and has not expired, else `undefined`.
 */
export function verifyComputeAuthToken(
  ctx: EmulatorContext,
  fleetId: string,
  computeName: string,
  token: string,
): InstanceRecord | undefined {
  const compute = collections(ctx.store).instances.get(computeKey(fleetId, computeName));
  const now = ctx.clock.now();
  return compute?.compute?.authTokens.some((t) => t.token === token && t.expiresAt > now) ? compute : undefined;
}
