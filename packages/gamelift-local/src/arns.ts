/** Where ARNs are minted: the emulator's Region and account. */
export interface ArnScope {
  readonly region: string;
  readonly accountId: string;
}

/** The resource types that have ARNs of the form `arn:aws:gamelift:<region>:<account>:<type>/<id>`. */
export type ArnType =
  | "fleet"
  | "build"
  | "script"
  | "alias"
  | "gamesessionqueue"
  | "matchmakingconfiguration"
  | "matchmakingruleset"
  | "location"
  | "compute";

/** An ARN for a GameLift resource in scope, e.g. `arn:aws:gamelift:us-east-1:123456789012:fleet/fleet-1`. */
export function arnOf(scope: ArnScope, type: ArnType, id: string): string {
  return `arn:aws:gamelift:${scope.region}:${scope.accountId}:${type}/${id}`;
}

/** `arn:aws:gamelift:<region>:<account>:fleet/<fleetId>`. */
export const fleetArn = (scope: ArnScope, fleetId: string): string => arnOf(scope, "fleet", fleetId);
/** `arn:aws:gamelift:<region>:<account>:build/<buildId>`. */
export const buildArn = (scope: ArnScope, buildId: string): string => arnOf(scope, "build", buildId);
/** `arn:aws:gamelift:<region>:<account>:script/<scriptId>`. */
export const scriptArn = (scope: ArnScope, scriptId: string): string => arnOf(scope, "script", scriptId);
/** `arn:aws:gamelift:<region>:<account>:alias/<aliasId>`. */
export const aliasArn = (scope: ArnScope, aliasId: string): string => arnOf(scope, "alias", aliasId);
/** `arn:aws:gamelift:<region>:<account>:gamesessionqueue/<name>`. */
export const queueArn = (scope: ArnScope, name: string): string => arnOf(scope, "gamesessionqueue", name);
/** `arn:aws:gamelift:<region>:<account>:matchmakingconfiguration/<name>`. */
export const matchmakingConfigurationArn = (scope: ArnScope, name: string): string =>
  arnOf(scope, "matchmakingconfiguration", name);
/** `arn:aws:gamelift:<region>:<account>:matchmakingruleset/<name>`. */
export const matchmakingRuleSetArn = (scope: ArnScope, name: string): string =>
  arnOf(scope, "matchmakingruleset", name);

/**
 * A game session's ARN, which is also its `GameSessionId`. The account is empty, as in real GameLift:
 * `arn:aws:gamelift:<region>::gamesession/<fleetId>[/<location>]/<id>` (location only when remote).
 */
export function gameSessionArn(region: string, fleetId: string, id: string, location?: string): string {
  const remote = location && location !== region ? `${location}/` : "";
  return `arn:aws:gamelift:${region}::gamesession/${fleetId}/${remote}${id}`;
}

/** The parts of a GameLift ARN. */
export interface ParsedArn {
  readonly region: string;
  readonly accountId: string;
  readonly type: string;
  /** Everything after `<type>/`. */
  readonly resource: string;
}

/** Splits a GameLift ARN, or returns `undefined` when the value is not one. */
export function parseArn(arn: string): ParsedArn | undefined {
  const m = /^arn:[^:]+:gamelift:([^:]*):([^:]*):([a-z]+)\/(.+)$/.exec(arn);
  if (!m?.[1] || m[2] === undefined || !m[3] || !m[4]) return undefined;
  return { region: m[1], accountId: m[2], type: m[3], resource: m[4] };
}

/** The id (or name) in an "IdOrArn" input: the value itself, or the last part of the ARN. */
export function idOf(idOrArn: string): string {
  if (!idOrArn.startsWith("arn:")) return idOrArn;
  return parseArn(idOrArn)?.resource ?? idOrArn.slice(idOrArn.lastIndexOf("/") + 1);
}
