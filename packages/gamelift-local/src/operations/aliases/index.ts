import type { Operation } from "../types.js";
import { CreateAlias } from "./CreateAlias.js";
import { DeleteAlias } from "./DeleteAlias.js";
import { DescribeAlias } from "./DescribeAlias.js";
import { ListAliases } from "./ListAliases.js";
import { ResolveAlias } from "./ResolveAlias.js";
import { UpdateAlias } from "./UpdateAlias.js";

/** Alias operations. */
export const aliasOperations: Record<string, Operation> = {
  CreateAlias,
  DeleteAlias,
  DescribeAlias,
  ListAliases,
  ResolveAlias,
  UpdateAlias,
};
