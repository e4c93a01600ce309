import type { Operation } from "../types.js";
import { CreateFleet } from "./CreateFleet.js";
import { DeleteFleet } from "./DeleteFleet.js";
import { DescribeFleetAttributes } from "./DescribeFleetAttributes.js";
import { DescribeFleetCapacity } from "./DescribeFleetCapacity.js";
import { DescribeFleetLocationCapacity } from "./DescribeFleetLocationCapacity.js";
import { DescribeFleetPortSettings } from "./DescribeFleetPortSettings.js";
import { DescribeFleetUtilization } from "./DescribeFleetUtilization.js";
import { DescribeInstances } from "./DescribeInstances.js";
import { DescribeRuntimeConfiguration } from "./DescribeRuntimeConfiguration.js";
import { GetInstanceAccess } from "./GetInstanceAccess.js";
import { ListFleets } from "./ListFleets.js";
import { UpdateFleetAttributes } from "./UpdateFleetAttributes.js";
import { UpdateFleetCapacity } from "./UpdateFleetCapacity.js";
import { UpdateFleetPortSettings } from "./UpdateFleetPortSettings.js";
import { UpdateRuntimeConfiguration } from "./UpdateRuntimeConfiguration.js";

/** Fleet and instance operations. */
export const fleetOperations: Record<string, Operation> = {
  CreateFleet,
  DeleteFleet,
  DescribeFleetAttributes,
  DescribeFleetCapacity,
  DescribeFleetLocationCapacity,
  DescribeFleetPortSettings,
  DescribeFleetUtilization,
  DescribeInstances,
  DescribeRuntimeConfiguration,
  GetInstanceAccess,
  ListFleets,
  UpdateFleetAttributes,
  UpdateFleetCapacity,
  UpdateFleetPortSettings,
  UpdateRuntimeConfiguration,
};
