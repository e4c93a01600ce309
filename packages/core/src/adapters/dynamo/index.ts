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
} from "./tableSchema.js";
export { TicketRepository, DEFAULT_RETENTION_SECONDS, type TicketRepositoryOptions } from "./TicketRepository.js";
export { ItemExistsError, StoreError } from "./errors.js";
export { ticketKey, placementKey, pendingShardFor, pendingShards, PENDING_SHARDS } from "./keys.js";
