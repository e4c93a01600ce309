import type { FleetScope } from "./gameSessionRoster.js";

/**
 * Which fleets each game-server principal serves: IAM role (or user) ARN → fleet ids, or `"*"` for
 * any fleet. Configured per stage (`MATCHPLACE_SERVER_FLEETS`); the local stage maps its server
 * credentials to the seeded fleet.
 */
export type ServerFleetMap = Readonly<Record<string, readonly string[] | "*">>;

/**
 * The IAM identity a principal ARN stands for: an STS assumed-role session
 * (`arn:aws:sts::<account>:assumed-role/<role>/<session>`, what a fleet instance's role
 * credentials sign as) becomes its role ARN `arn:aws:iam::<account>:role/<role>`; other ARNs are
 * kept as they are.
 */
export function principalOf(userArn: string): string {
  const m = /^arn:(aws[\w-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(userArn);
  return m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : userArn;
}

/**
 * The fleets a signed caller may act for; none when the principal is not configured.
 * @example fleetsOf({ "arn:aws:iam::1:role/arena": ["fleet-a"] }, "arn:aws:sts::1:assumed-role/arena/i-0ab") // ["fleet-a"]
 */
export function fleetsOf(map: ServerFleetMap, userArn: string): FleetScope {
  return map[principalOf(userArn)] ?? map[userArn] ?? [];
}
