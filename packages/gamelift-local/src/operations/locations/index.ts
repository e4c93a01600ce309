import type { Operation } from "../types.js";
import { CreateLocation } from "./CreateLocation.js";
import { DeleteLocation } from "./DeleteLocation.js";
import { ListLocations } from "./ListLocations.js";

/** Location operations (AWS Regions and custom locations). */
export const locationOperations: Record<string, Operation> = { CreateLocation, DeleteLocation, ListLocations };
