export { createDocumentClient, type DocumentClientOptions } from "./client.js";
export {
  tableSchema,
  createTable,
  PK,
  SK,
  PENDING_INDEX,
  PENDING_SHARD,
  HEARD_AT,
  TTL_ATTRIBUTE,
  GAME_SESSION_INDEX,
  GAME_SESSION_KEY,
} from "./tableSchema.js";
export { MatchResultRepository, resultKey, type MatchResultRepositoryOptions } from "./MatchResultRepository.js";
export { TicketRepository, type TicketRepositoryOptions } from "./TicketRepository.js";
export type { EventFoldedRepositoryOptions } from "./EventFoldedRepository.js";
export { DEFAULT_RETENTION_SECONDS, type EventFoldedStoreOptions } from "./EventFoldedStore.js";
export { TicketStore } from "./TicketStore.js";
export { GameSessionTicketIndex, type GameSessionTicketIndexOptions } from "./GameSessionTicketIndex.js";
export { PlacementStore } from "./PlacementStore.js";
export { ItemExistsError } from "./errors.js";
export { ticketKey, placementKey, pendingShardFor, pendingShards, PENDING_SHARDS } from "./keys.js";
export { PlacementRepository, type PlacementRepositoryOptions } from "./PlacementRepository.js";
export { placementFromItem } from "./placementItem.js";
export { ticketFromItem } from "./ticketItem.js";
export { buildUpdate, type UpdateParts, type StorageExtras } from "./update.js";
export { queryPending, type PendingQueryOptions } from "./pendingQuery.js";
export { PlayerRepository, type PlayerRepositoryOptions, type TicketClaim } from "./PlayerRepository.js";
export { PartyRepository, type PartyRepositoryOptions, type PartyWriteFailure } from "./PartyRepository.js";
export { partyFromItem } from "./partyItem.js";
export {
  IdempotencyStore,
  type IdempotencyStoreOptions,
  type IdempotencyBegin,
  type StoredResponse,
} from "./IdempotencyStore.js";
export { RateLimitStore, type RateLimitStoreOptions, type RateLimit } from "./RateLimitStore.js";
export {
  ConnectionRepository,
  CONNECTION_SK_PREFIX,
  type ConnectionRepositoryOptions,
} from "./ConnectionRepository.js";
export { itemChangeOf, UnreadableStreamRecordError, type StreamImages } from "./streamRecord.js";
export { pingTable } from "./health.js";
export { ItemReader, playerReader, ticketReader, placementReader, partyReader } from "./ItemReader.js";
