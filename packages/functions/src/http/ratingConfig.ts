import { defaultSkillScale, type ServerFleetMap, type SkillScale } from "@matchplace/core";
import * as z from "zod/mini";

/** A rating-related environment variable is malformed. */
export class RatingConfigError extends Error {
  public constructor(variable: string, options?: { cause?: unknown }) {
    super(`environment variable ${variable} is malformed`, options);
    this.name = "RatingConfigError";
  }
}

const fleetMapSchema = z.record(
  z.string().check(z.minLength(1)),
  z.union([z.array(z.string().check(z.minLength(1))), z.literal("*")]),
);

/** What the rating code reads from the environment (at the edge, once per process). */
export interface RatingConfig {
  readonly skillScale: SkillScale;
  /** Game-server principal (role/user ARN) → fleet ids; empty = no game server may report. */
  readonly serverFleets: ServerFleetMap;
}

/**
 * Reads `MATCHPLACE_SKILL_BASIS` (`display` = μ − 3σ, default, or `mu`) and
 * `MATCHPLACE_SERVER_FLEETS` (JSON `{"arn:aws:iam::<account>:role/<fleet role>": ["fleet-…"] | "*"}`).
 * @throws RatingConfigError naming the malformed variable.
 */
export function ratingConfig(env: NodeJS.ProcessEnv = process.env): RatingConfig {
  const basis = env["MATCHPLACE_SKILL_BASIS"] ?? "display";
  if (basis !== "display" && basis !== "mu") throw new RatingConfigError("MATCHPLACE_SKILL_BASIS");
  let serverFleets: ServerFleetMap = {};
  const raw = env["MATCHPLACE_SERVER_FLEETS"];
  if (raw !== undefined && raw !== "") {
    try {
      serverFleets = fleetMapSchema.parse(JSON.parse(raw));
    } catch (err) {
      throw new RatingConfigError("MATCHPLACE_SERVER_FLEETS", { cause: err });
    }
  }
  return { skillScale: { ...defaultSkillScale, basis }, serverFleets };
}
