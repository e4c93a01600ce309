export { startGameLiftEmulator } from "./server.js";
export type { GameLiftEmulator, GameLiftEmulatorOptions } from "./server.js";
export { ManualClock, SystemClock } from "./clock/Clock.js";
export type { Clock } from "./clock/Clock.js";
export { Store, Collection } from "./store/Store.js";
export type { EmulatorContext, EmulatorSettings, IdSource, Notify, Operation } from "./operations/types.js";
export type { Engine } from "./engines/Engine.js";
export { GameLiftError } from "./errors.js";
export { acceptPlayerSession, removePlayerSession, endGameSessionProcess } from "./engines/sessions/serverProcess.js";
