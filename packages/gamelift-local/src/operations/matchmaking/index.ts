import type { Operation } from "../types.js";
import { AcceptMatch } from "./AcceptMatch.js";
import { CreateMatchmakingConfiguration } from "./CreateMatchmakingConfiguration.js";
import { CreateMatchmakingRuleSet } from "./CreateMatchmakingRuleSet.js";
import { DeleteMatchmakingConfiguration } from "./DeleteMatchmakingConfiguration.js";
import { DeleteMatchmakingRuleSet } from "./DeleteMatchmakingRuleSet.js";
import { DescribeMatchmaking } from "./DescribeMatchmaking.js";
import { DescribeMatchmakingConfigurations } from "./DescribeMatchmakingConfigurations.js";
import { DescribeMatchmakingRuleSets } from "./DescribeMatchmakingRuleSets.js";
import { StartMatchBackfill } from "./StartMatchBackfill.js";
import { StartMatchmaking } from "./StartMatchmaking.js";
import { StopMatchBackfill } from "./StopMatchBackfill.js";
import { StopMatchmaking } from "./StopMatchmaking.js";
import { UpdateMatchmakingConfiguration } from "./UpdateMatchmakingConfiguration.js";
import { ValidateMatchmakingRuleSet } from "./ValidateMatchmakingRuleSet.js";

/** FlexMatch operations, spread into the server's registry. */
export const matchmakingOperations: Record<string, Operation> = {
  CreateMatchmakingRuleSet,
  ValidateMatchmakingRuleSet,
  DescribeMatchmakingRuleSets,
  DeleteMatchmakingRuleSet,
  CreateMatchmakingConfiguration,
  DescribeMatchmakingConfigurations,
  UpdateMatchmakingConfiguration,
  DeleteMatchmakingConfiguration,
  StartMatchmaking,
  DescribeMatchmaking,
  StopMatchmaking,
  AcceptMatch,
  StartMatchBackfill,
  StopMatchBackfill,
};
