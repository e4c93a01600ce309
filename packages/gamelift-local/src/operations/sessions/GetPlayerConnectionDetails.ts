import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { InvalidGameSessionStatusException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireGameSession } from "../lookup.js";
import { playerGatewayStatus } from "../views/fleets.js";
import { randomToken } from "../compute/computes.js";

/** How long a player gateway token lasts before the backend asks again (the emulator's choice). */
const playerGatewayTokenTtlMs = 15 * 60_000;

/**
 * GetPlayerConnectionDetails: where each player connects. With player gateway ENABLED on the
 * fleet, a relay endpoint with a player gateway token and its expiration (the emulator has no relay:
 * the endpoint is the game server's own); without it, the game server endpoint and no token.
 */
export const GetPlayerConnectionDetails = defineOperation(
  z.object({ GameSessionId: z.string(), PlayerIds: z.array(z.string()) }),
  (req, ctx) => {
    const session = requireGameSession(ctx, req.GameSessionId);
    if (session.Status !== "ACTIVE" && session.Status !== "ACTIVATING") {
      throw new InvalidGameSessionStatusException(`Game session ${session.GameSessionId} is ${session.Status}.`);
    }
    const gateway = playerGatewayStatus(collections(ctx.store).fleets.get(session.FleetId)) === "ENABLED";
    const expiration = new Date(ctx.clock.now() + playerGatewayTokenTtlMs);
    return {
      GameSessionId: session.GameSessionId,
      PlayerConnectionDetails: req.PlayerIds.map((PlayerId) => ({
        PlayerId,
        Endpoints: [{ IpAddress: session.IpAddress, Port: session.Port }],
        ...(gateway ? { PlayerGatewayToken: randomToken(), Expiration: expiration } : {}),
      })),
    };
  },
);
