/**
 * GameLift game session ids. `GameSessionId` is the ARN
 * (`arn:aws:gamelift:<region>::gamesession/<fleetId>/[<location>/]<id>`); routes also accept the last
 * path segment on its own.
 */

/** The last path segment of a game session ARN (itself when given a bare id). */
export function gameSessionKeyOf(gameSessionId: string): string {
  const slash = gameSessionId.lastIndexOf("/");
  return slash < 0 ? gameSessionId : gameSessionId.slice(slash + 1);
}

/** The fleet id inside a game session ARN; `undefined` for something that is not one. */
export function fleetIdOfGameSession(gameSessionArn: string): string | undefined {
  const m = /^arn:[^:]+:gamelift:[^:]*:[^:]*:gamesession\/([a-z]*fleet-[A-Za-z0-9-]+)\//.exec(gameSessionArn);
  return m?.[1];
}

/**
 * A path parameter as a game session id: API Gateway may hand it still URL-encoded
 * (`arn%3Aaws%3A...%2F...`); decode once, and only then.
 */
export function decodeGameSessionParam(raw: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(raw)) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
