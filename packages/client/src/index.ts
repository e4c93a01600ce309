export {
  createClient,
  type ClientOptions,
  type MatchplaceClient,
  type WriteOptions,
  type Conditional,
  type WaitOptions,
} from "./client.js";
export type { Ticket, Party, Player, Placement, StartMatchmakingRequest, StartPlacementRequest } from "./client.js";
export { ApiError } from "./errors.js";
export { operations, type OperationId, type OperationSpec } from "./operations.js";
export {
  connectRealtime,
  RealtimeError,
  RealtimeAuthError,
  RealtimeClosedError,
  InvalidMessageError,
  WatchTimeoutError,
  type RealtimeOptions,
  type RealtimeConnection,
  type RealtimeEventMap,
  type RealtimeSocket,
  type WebSocketConstructor,
  type WatchOptions,
  type UpdateSource,
  type ResyncMessage,
  type ServerMessageOf,
} from "./realtime.js";
