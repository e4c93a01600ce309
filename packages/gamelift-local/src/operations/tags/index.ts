import type { Operation } from "../types.js";
import { ListTagsForResource } from "./ListTagsForResource.js";
import { TagResource } from "./TagResource.js";
import { UntagResource } from "./UntagResource.js";

/** Tagging operations. */
export const tagOperations: Record<string, Operation> = { ListTagsForResource, TagResource, UntagResource };
