import { z } from "zod";
import { stateOf } from "../../engines/matchmaking/state.js";
import { isTerminal } from "../../engines/matchmaking/tickets.js";
import { InvalidRequestException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { dropTags } from "../tagging.js";
import { requireConfiguration } from "./configurationShape.js";
import { configurationNameOrArn } from "./schemas.js";

/** DeleteMatchmakingConfiguration: refused while the configuration has active tickets. */
export const DeleteMatchmakingConfiguration = defineOperation(
  z.object({ Name: configurationNameOrArn }),
  (input, ctx) => {
    const config = requireConfiguration(ctx, input.Name);
    const st = stateOf(ctx);
    const active = st.tickets.values().some((t) => t.configurationName === config.Name && !isTerminal(t.status));
    if (active)
      throw new InvalidRequestException(`Matchmaking configuration ${config.Name} has active matchmaking tickets.`);
    st.configurations.delete(config.Name);
    dropTags(ctx, config.ConfigurationArn);
    return {};
  },
);
