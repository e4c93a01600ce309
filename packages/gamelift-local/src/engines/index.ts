import { buildEngine } from "./builds/buildEngine.js";
import type { Engine } from "./Engine.js";
import { fleetEngine } from "./fleets/fleetEngine.js";
import { scalingEngine } from "./fleets/scaling.js";
import { gameServerEngine } from "./gameServers/gameServerEngine.js";
import { matchmakingEngines } from "./matchmaking/index.js";
import { placementEngine } from "./placement/placementEngine.js";
import { sessionEngine } from "./sessions/sessionEngine.js";

/**
 * Every engine, in tick order: the platform first (builds, scaling, fleets, sessions, the emulated
 * game servers, placements), then matchmaking.
 */
export const engines: Engine[] = [
  buildEngine,
  scalingEngine,
  fleetEngine,
  sessionEngine,
  gameServerEngine,
  placementEngine,
  ...matchmakingEngines,
];
