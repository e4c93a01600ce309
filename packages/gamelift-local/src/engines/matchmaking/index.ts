import type { Engine } from "../Engine.js";
import { createMatchmakingEngine } from "./engine.js";
import { flexMatcher } from "./matcher.js";
import { queuePlacer } from "./queuePlacer.js";

export { createMatchmakingEngine, matchmakingStep } from "./engine.js";
export { flexMatcher, type Matcher } from "./matcher.js";
export { queuePlacer } from "./queuePlacer.js";
export type { MatchPlacer, MatchPlacementRequest, PlacedSession, PlacementProgress } from "./placer.js";
export type { MatchmakingDeps } from "./outcome.js";
export type { MatchmakingEvent, MatchmakingEventDetail, MatchmakingEventType } from "./events.js";

/** Matchmaking engines (ticked after the platform engines): the FlexMatch loop over queue placements. */
export const matchmakingEngines: Engine[] = [createMatchmakingEngine({ matcher: flexMatcher, placer: queuePlacer })];
