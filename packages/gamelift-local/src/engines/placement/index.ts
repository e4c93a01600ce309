export { startPlacement, getPlacement, stopPlacement, failPlacementsOfQueue, requireQueue } from "./placements.js";
export type { StartPlacementRequest, PlacementResultListener } from "./placements.js";
export { placementEngine } from "./placementEngine.js";
export { placementEvent } from "./events.js";
export type { PlacementEvent, PlacementEventType } from "./events.js";
export type { PlacementRecord, PlacementStatus } from "../state/records.js";
