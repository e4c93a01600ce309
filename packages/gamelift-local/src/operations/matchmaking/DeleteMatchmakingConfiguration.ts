import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { isTerminal } from "../../engines/matchmaking/tickets.js";
import { InvalidRequestException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { dropTags } from "../tagging.js";
import { requireConfiguration } from "./configurationInputs.js";
import { configurationNameOrArn } from "./schemas.js";

/** DeleteMatchmakingConfiguration: refused while the configuration has active tickets. */
export const DeleteMatchmakingConfiguration = defineOperation(
  z.object({ Name: configurationNameOrArn }),
  (input, ctx) => {
    const config = requireConfiguration(ctx, input.Name);
    const cols = collections(ctx.store);
    const active = cols.matchmakingTickets
      .values()
      .some((t) => t.configurationName === config.Name && !isTerminal(t.status));
    if (active)
      throw new InvalidRequestException(`Matchmaking configuration ${config.Name} has active matchmaking tickets.`);
    cols.matchmakingConfigurations.delete(config.Name);
    dropTags(ctx, config.ConfigurationArn);
    return {};
  },
);
