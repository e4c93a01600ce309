import type { Operation } from "../types.js";
import { DeregisterCompute } from "./DeregisterCompute.js";
import { DescribeCompute } from "./DescribeCompute.js";
import { GetComputeAccess } from "./GetComputeAccess.js";
import { GetComputeAuthToken } from "./GetComputeAuthToken.js";
import { ListCompute } from "./ListCompute.js";
import { RegisterCompute } from "./RegisterCompute.js";

/** Compute operations (Anywhere fleets register their hosts; EC2 instances are computes too). */
export const computeOperations: Record<string, Operation> = {
  DeregisterCompute,
  DescribeCompute,
  GetComputeAccess,
  GetComputeAuthToken,
  ListCompute,
  RegisterCompute,
};
