import { aliasOperations } from "./aliases/index.js";
import { buildOperations } from "./builds/index.js";
import { computeOperations } from "./compute/index.js";
import { fleetOperations } from "./fleets/index.js";
import { locationOperations } from "./locations/index.js";
import { matchmakingOperations } from "./matchmaking/index.js";
import { queueOperations } from "./queues/index.js";
import { scriptOperations } from "./scripts/index.js";
import { sessionOperations } from "./sessions/index.js";
import { tagOperations } from "./tags/index.js";
import { withModelValidation } from "./model/withModelValidation.js";
import type { Operation } from "./types.js";
import { DescribeVpcPeeringConnections } from "./vpc/DescribeVpcPeeringConnections.js";

/** Every operation the emulator serves, by GameLift operation name. */
export const operations: Record<string, Operation> = withModelValidation({
  ...fleetOperations,
  ...queueOperations,
  ...sessionOperations,
  ...buildOperations,
  ...scriptOperations,
  ...aliasOperations,
  ...tagOperations,
  DescribeVpcPeeringConnections,
  ...locationOperations,
  ...computeOperations,
  ...matchmakingOperations,
});
