export { startGameLiftEmulator } from "./server.js";
export type { GameLiftEmulator, GameLiftEmulatorOptions } from "./server.js";
export { ManualClock, SystemClock } from "./clock/Clock.js";
export type { Clock, TimerHandle, Timers } from "./clock/Clock.js";
export { Store, Collection } from "./store/Store.js";
export type { Operation } from "./operations/types.js";
export type { EmulatorContext, EmulatorSettings, IdSource, Notify } from "./engines/context.js";
export type { Engine } from "./engines/Engine.js";
export { GameLiftError } from "./errors.js";
export { acceptPlayerSession, removePlayerSession, endGameSessionProcess } from "./engines/sessions/serverProcess.js";
export { FaultSwitch, mergeFaults, noEmulatorFaults, parseEmulatorFaults } from "./faults.js";
export type { EmulatorFaults } from "./faults.js";
export {
  NotificationSender,
  mergeShares,
  noNotificationFaults,
  NOTIFICATION_SHARES,
  parseFaultSpec,
  planNotification,
} from "./notificationFaults.js";
export type { NotificationFaults, PlannedCopy } from "./notificationFaults.js";
export { createInProcessEmulator } from "./inProcess.js";
export type { InProcessEmulator, InProcessEmulatorOptions } from "./inProcess.js";
export type { ForgottenCounts } from "./engines/retention/forgetFinished.js";
export { startPingBeacons } from "./beacons/pingBeacons.js";
export type { PingBeacons, PingBeaconOptions } from "./beacons/pingBeacons.js";
export type { PingBeaconAccess, UdpEndpoint } from "./engines/context.js";
export { verifyComputeAuthToken } from "./operations/compute/verifyComputeAuthToken.js";
export { capacityShortage } from "./engines/fleets/shortage.js";
export type { FleetShortage } from "./engines/fleets/shortage.js";
export type { GameServerBehaviour } from "./engines/context.js";
