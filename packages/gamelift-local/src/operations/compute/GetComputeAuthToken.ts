import { z } from "zod";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { computeArnOf, computeNameOfRecord, randomToken, requireCompute } from "./computes.js";

/** Lifetime of a compute auth token (GameLift's: 15 minutes). */
const computeAuthTokenTtlMs = 15 * 60_000;

/**
 * GetComputeAuthToken: a token a game server process on the compute presents to the Server SDK's
 * `InitSDK` (with the fleet id and compute name as host id). Tokens are kept on the compute until
 * they expire, for `verifyComputeAuthToken` (the seam for a real Server SDK 5 connection).
 */
export const GetComputeAuthToken = defineOperation(
  z.object({ FleetId: z.string(), ComputeName: z.string() }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    const compute = requireCompute(ctx, fleet, req.ComputeName);
    const now = ctx.clock.now();
    const token = { token: randomToken(), expiresAt: now + computeAuthTokenTtlMs };
    if (compute.compute)
      compute.compute.authTokens = [...compute.compute.authTokens.filter((t) => t.expiresAt > now), token];
    return {
      FleetId: fleet.FleetId,
      FleetArn: fleet.FleetArn,
      ComputeName: computeNameOfRecord(compute),
      ComputeArn: computeArnOf(ctx, compute),
      AuthToken: token.token,
      ExpirationTimestamp: new Date(token.expiresAt),
    };
  },
);
