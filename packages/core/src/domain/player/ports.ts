/** Player storage, declared once (the DynamoDB `PlayerRepository` implements it). */
import type { Player } from "./types.js";

/** Reading and lazily creating player records; each use case picks what it needs. */
export interface PlayerPort {
  /** The stored player; `undefined` when none is. */
  get(playerId: string): Promise<Player | undefined>;
  /** The stored player, created at `now` when missing. */
  getOrCreate(playerId: string, now: number): Promise<Player>;
}
