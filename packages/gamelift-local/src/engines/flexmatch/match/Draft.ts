/** A match under construction: teams, their tickets, the age span and acceptable locations. */
import type { EvalTeam, MatchView } from "../expressions/context.js";
import { levelOf } from "../expansions.js";
import type { Compiled, Level } from "./compile.js";
import type { Entry } from "./prepare.js";

/** `acc` narrowed to the locations in `mine` (a copy of `mine` when `acc` is still unconstrained). */
const meet = (acc: Set<string> | undefined, mine: Set<string> | undefined): Set<string> | undefined => {
  if (!mine) return acc;
  if (acc === undefined) return new Set(mine);
  for (const l of acc) if (!mine.has(l)) acc.delete(l);
  return acc;
};

/** Mutable draft of one match; `place`/`unplace` let the assembler try placements in place. */
export class Draft implements MatchView {
  public readonly teams: EvalTeam[];
  /** Entries per team, parallel to `teams`. */
  public readonly members: Entry[][];
  readonly #compiled: Compiled;
  readonly #oldest: boolean;

  public constructor(compiled: Compiled, level: Level, oldest: boolean) {
    this.#compiled = compiled;
    this.#oldest = oldest;
    this.teams = level.teams.map((t) => ({ name: t.name, base: t.base, players: [] }));
    this.members = level.teams.map(() => []);
  }

  /** Empties the draft for reuse by the next attempt (the teams are the same at every level). */
  public reset(): void {
    // pop() keeps the arrays' backing stores (`length = 0` would free them, and the next push reallocate).
    for (const t of this.teams) while (t.players.length > 0) t.players.pop();
    for (const m of this.members) while (m.length > 0) m.pop();
  }

  /** Every entry in the draft. */
  public entries(): Entry[] {
    const out: Entry[] = [];
    for (const m of this.members) for (const e of m) out.push(e);
    return out;
  }

  /** The team index an entry sits on, or -1. */
  public teamOf(e: Entry): number {
    return this.members.findIndex((m) => m.includes(e));
  }

  /** True when every team of `level` holds its maxPlayers or more. */
  public full(level: Level): boolean {
    const teams = level.teams;
    for (let i = 0; i < teams.length; i++)
      if (this.count(i) < (teams[i] as Level["teams"][number]).maxPlayers) return false;
    return true;
  }

  /** Players on team `i`. */
  public count(i: number): number {
    return this.teams[i]?.players.length ?? 0;
  }

  /** The level in force for this draft plus `extra`: by the newest or the oldest ticket's age. */
  public level(extra?: Entry): Level {
    const levels = this.#compiled.levels;
    if (levels.length === 1) return levels[0] as Level;
    let lo = extra ? extra.ageSeconds : Infinity;
    let hi = extra ? extra.ageSeconds : -Infinity;
    for (const m of this.members) {
      for (const e of m) {
        if (e.ageSeconds < lo) lo = e.ageSeconds;
        if (e.ageSeconds > hi) hi = e.ageSeconds;
      }
    }
    const age = this.#oldest ? hi : lo;
    return levels[levelOf(this.#compiled.thresholds, Number.isFinite(age) ? age : 0)] as Level;
  }

  /** Adds an entry to team `i` (backfill entries go to their fixed teams; `i` is ignored). */
  public place(e: Entry, i: number): void {
    if (e.fixedTeams) {
      e.players.forEach((p, k) => {
        const t = this.teams.findIndex((x) => x.name === e.fixedTeams?.[k]);
        this.teams[t]?.players.push(p);
      });
      const first = this.teams.findIndex((x) => x.name === e.fixedTeams?.[0]);
      this.members[first]?.push(e);
      return;
    }
    const players = this.teams[i]?.players;
    if (players) for (const p of e.players) players.push(p);
    this.members[i]?.push(e);
  }

  /** Removes the entry placed last on team `i` (an undo of {@link place} for non-backfill entries). */
  public unplace(e: Entry, i: number): void {
    const players = this.teams[i]?.players;
    const members = this.members[i];
    if (!players || !members) return;
    // The undo of the latest placement (the usual case) pops; splice only for older ones.
    if (members[members.length - 1] === e) members.pop();
    else {
      const at = members.lastIndexOf(e);
      if (at >= 0) members.splice(at, 1);
    }
    for (let q = e.players.length - 1; q >= 0; q--) {
      const p = e.players[q] as Entry["players"][number];
      if (players[players.length - 1] === p) players.pop();
      else {
        const k = players.lastIndexOf(p);
        if (k >= 0) players.splice(k, 1);
      }
    }
  }

  /** Locations acceptable to every entry (undefined = unconstrained). */
  public locations(extra?: Entry): Set<string> | undefined {
    let acc = extra ? meet(undefined, extra.locations) : undefined;
    for (const m of this.members) for (const e of m) acc = meet(acc, e.locations);
    return acc;
  }
}
