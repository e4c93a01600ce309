import type { Operation } from "../types.js";
import { CreateBuild } from "./CreateBuild.js";
import { DeleteBuild } from "./DeleteBuild.js";
import { DescribeBuild } from "./DescribeBuild.js";
import { ListBuilds } from "./ListBuilds.js";
import { RequestUploadCredentials } from "./RequestUploadCredentials.js";
import { UpdateBuild } from "./UpdateBuild.js";

/** Build operations. */
export const buildOperations: Record<string, Operation> = {
  CreateBuild,
  DeleteBuild,
  DescribeBuild,
  ListBuilds,
  RequestUploadCredentials,
  UpdateBuild,
};
