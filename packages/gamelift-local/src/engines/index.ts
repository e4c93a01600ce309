import { buildEngine } from "./builds/buildEngine.js";
import type { Engine } from "./Engine.js";
import { fleetEngine } from "./fleets/fleetEngine.js";
import { matchmakingEngines } from "./matchmaking/index.js";
import { placementEngine } from "./placement/placementEngine.js";
import { sessionEngine } from "./sessions/sessionEngine.js";

/** Every engine, in tick order: the platform first (builds, fleets, sessions, placements), then matchmaking. */
export const engines: Engine[] = [buildEngine, fleetEngine, sessionEngine, placementEngine, ...matchmakingEngines];
