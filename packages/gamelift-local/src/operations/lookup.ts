import { idOf } from "../arns.js";
import { collections } from "../engines/state/collections.js";
import type {
  AliasRecord,
  BuildRecord,
  FleetRecord,
  GameSessionRecord,
  ScriptRecord,
} from "../engines/state/records.js";
import { NotFoundException, TerminalRoutingStrategyException } from "../errors.js";
import type { EmulatorContext } from "../engines/context.js";

/** The fleet by id or ARN, else `NotFoundException`. */
export function requireFleet(ctx: EmulatorContext, idOrArn: string): FleetRecord {
  const fleet = collections(ctx.store).fleets.get(idOf(idOrArn));
  if (!fleet) throw new NotFoundException(`Fleet ${idOrArn} not found.`);
  return fleet;
}

/** The build by id or ARN, else `NotFoundException`. */
export function requireBuild(ctx: EmulatorContext, idOrArn: string): BuildRecord {
  const build = collections(ctx.store).builds.get(idOf(idOrArn));
  if (!build) throw new NotFoundException(`Build ${idOrArn} not found.`);
  return build;
}

/** The script by id or ARN, else `NotFoundException`. */
export function requireScript(ctx: EmulatorContext, idOrArn: string): ScriptRecord {
  const script = collections(ctx.store).scripts.get(idOf(idOrArn));
  if (!script) throw new NotFoundException(`Script ${idOrArn} not found.`);
  return script;
}

/** The alias by id or ARN, else `NotFoundException`. */
export function requireAlias(ctx: EmulatorContext, idOrArn: string): AliasRecord {
  const alias = collections(ctx.store).aliases.get(idOf(idOrArn));
  if (!alias) throw new NotFoundException(`Alias ${idOrArn} not found.`);
  return alias;
}

/** The fleet an alias routes to; a TERMINAL alias raises `TerminalRoutingStrategyException` with its message. */
export function fleetOfAlias(ctx: EmulatorContext, idOrArn: string): FleetRecord {
  const alias = requireAlias(ctx, idOrArn);
  if (alias.RoutingStrategy.Type === "TERMINAL")
    throw new TerminalRoutingStrategyException(alias.RoutingStrategy.Message ?? "");
  return requireFleet(ctx, alias.RoutingStrategy.FleetId ?? "");
}

/** The fleet named by AliasId (resolved) or else FleetId; callers check that exactly one was given. */
export function fleetOf(ctx: EmulatorContext, input: { FleetId?: string; AliasId?: string }): FleetRecord {
  return input.AliasId !== undefined ? fleetOfAlias(ctx, input.AliasId) : requireFleet(ctx, input.FleetId ?? "");
}

/** The game session by id (ARN), else `NotFoundException`. */
export function requireGameSession(ctx: EmulatorContext, id: string): GameSessionRecord {
  const session = collections(ctx.store).gameSessions.get(id);
  if (!session) throw new NotFoundException(`Game session ${id} not found.`);
  return session;
}
