import type { Operation } from "../types.js";
import { CreateScript } from "./CreateScript.js";
import { DeleteScript } from "./DeleteScript.js";
import { DescribeScript } from "./DescribeScript.js";
import { ListScripts } from "./ListScripts.js";
import { UpdateScript } from "./UpdateScript.js";

/** Realtime script operations. */
export const scriptOperations: Record<string, Operation> = {
  CreateScript,
  DeleteScript,
  DescribeScript,
  ListScripts,
  UpdateScript,
};
