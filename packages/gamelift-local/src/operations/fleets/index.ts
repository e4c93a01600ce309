import type { Operation } from "../types.js";
import { CreateFleet } from "./CreateFleet.js";
import { CreateFleetLocations } from "./CreateFleetLocations.js";
import { DeleteFleet } from "./DeleteFleet.js";
import { DeleteFleetLocations } from "./DeleteFleetLocations.js";
import { DescribeFleetAttributes } from "./DescribeFleetAttributes.js";
import { DescribeFleetCapacity } from "./DescribeFleetCapacity.js";
import { DescribeFleetEvents } from "./DescribeFleetEvents.js";
import { DescribeFleetLocationAttributes } from "./DescribeFleetLocationAttributes.js";
import { DescribeFleetLocationCapacity } from "./DescribeFleetLocationCapacity.js";
import { DescribeFleetLocationUtilization } from "./DescribeFleetLocationUtilization.js";
import { DescribeFleetPortSettings } from "./DescribeFleetPortSettings.js";
import { DescribeFleetUtilization } from "./DescribeFleetUtilization.js";
import { DescribeInstances } from "./DescribeInstances.js";
import { DescribeRuntimeConfiguration } from "./DescribeRuntimeConfiguration.js";
import { DeleteScalingPolicy } from "./DeleteScalingPolicy.js";
import { DescribeScalingPolicies } from "./DescribeScalingPolicies.js";
import { StartFleetActions, StopFleetActions } from "./fleetActions.js";
import { PutScalingPolicy } from "./PutScalingPolicy.js";
import { GetInstanceAccess } from "./GetInstanceAccess.js";
import { ListFleets } from "./ListFleets.js";
import { UpdateFleetAttributes } from "./UpdateFleetAttributes.js";
import { UpdateFleetCapacity } from "./UpdateFleetCapacity.js";
import { UpdateFleetPortSettings } from "./UpdateFleetPortSettings.js";
import { UpdateRuntimeConfiguration } from "./UpdateRuntimeConfiguration.js";

/** Fleet and instance operations. */
export const fleetOperations: Record<string, Operation> = {
  CreateFleet,
  CreateFleetLocations,
  DeleteFleet,
  DeleteFleetLocations,
  DescribeFleetAttributes,
  DescribeFleetCapacity,
  DescribeFleetEvents,
  DescribeFleetLocationAttributes,
  DescribeFleetLocationCapacity,
  DescribeFleetLocationUtilization,
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
  PutScalingPolicy,
  DescribeScalingPolicies,
  DeleteScalingPolicy,
  StartFleetActions,
  StopFleetActions,
};
