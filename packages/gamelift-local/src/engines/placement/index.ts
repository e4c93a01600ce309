export { startPlacement, getPlacement, stopPlacement, failPlacementsOfQueue, requireQueue } from "./placements.js";
