/**
 * Deploy-time configuration of the AWS stage, read once from the environment (SST loads `.env` and
 * `.env.<stage>` next to `sst.config.ts` before running the program). Every knob has a default, so
 * `npx sst deploy --stage <name>` works with none set. See docs/deploy.md for the full table.
 */

/** Thrown when a configuration variable is present but malformed. */
export class InfraConfigError extends Error {
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = "InfraConfigError";
  }
}

/** GameLift resources a studio already has; when set, the stack creates none of its own. */
interface ExistingGameLift {
  /** ARN of the FlexMatch matchmaking configuration the API starts tickets on. */
  readonly configurationArn: string;
  /** ARN of the game session queue that placements go to. */
  readonly queueArn: string;
}

/** The resolved infra configuration. */
export interface InfraConfig {
  /**
   * Whether anyone may sign up to the stack's Cognito pool (`MATCHPLACE_SELF_SIGN_UP=true`). Off by
   * default: every account is a token that can hold matchmaking tickets and placements, so accounts
   * are created by the studio (AdminCreateUser) unless it chooses open sign-up.
   */
  readonly selfSignUp: boolean;
  /** External JWT issuer; when unset the stack creates a Cognito user pool and app client. */
  readonly jwt?: { readonly issuer: string; readonly audiences: readonly string[] };
  /** Fleet or alias ARNs that the game session queue places on (in priority order). */
  readonly queueDestinations: readonly string[];
  /**
   * Fleet IDs whose game sessions the events consumer accepts: the fleet destinations' IDs plus
   * `MATCHPLACE_TRUSTED_FLEET_IDS` (the fleets behind alias destinations, or behind an existing queue).
   */
  readonly trustedFleetIds: readonly string[];
  /** Reference existing GameLift resources by ARN instead of creating them from infra/gamelift/. */
  readonly existingGameLift?: ExistingGameLift;
  /** Address that alarm notifications go to (an SNS email subscription); none when unset. */
  readonly alarmEmail?: string;
  /** Origins allowed by CORS on the HTTP API. */
  readonly corsOrigins: readonly string[];
  /** Stage-wide steady-state request rate limit (requests per second). */
  readonly throttleRate: number;
  /** Stage-wide burst limit (requests). */
  readonly throttleBurst: number;
  /** Handler settings passed through to every function's environment (see {@link FUNCTION_SETTINGS}). */
  readonly functionSettings: Readonly<Record<string, string>>;
  /**
   * Powertools log level of every function (`MATCHPLACE_LOG_LEVEL`, set per stage in `.env.<stage>`;
   * default `INFO`), passed as `POWERTOOLS_LOG_LEVEL`.
   */
  readonly logLevel: LogLevel;
}

/** The Powertools log levels a stage may choose. */
const LOG_LEVELS = ["DEBUG", "INFO", "WARN", "ERROR", "CRITICAL", "SILENT"] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

function logLevel(env: NodeJS.ProcessEnv): LogLevel {
  const raw = env.MATCHPLACE_LOG_LEVEL?.trim().toUpperCase();
  if (!raw) return "INFO";
  if (!(LOG_LEVELS as readonly string[]).includes(raw))
    throw new InfraConfigError(
      "MATCHPLACE_LOG_LEVEL",
      `expected one of ${LOG_LEVELS.join(", ")}, got "${env.MATCHPLACE_LOG_LEVEL}"`,
    );
  return raw as LogLevel;
}

/** Numeric settings the handlers read at run time, forwarded from the deploy environment when set. */
const FUNCTION_SETTINGS = [
  "MATCHPLACE_RETENTION_SECONDS",
  "MATCHPLACE_RECONCILE_TICKET_RPS",
  "MATCHPLACE_RECONCILE_PLACEMENT_RPS",
  "MATCHPLACE_RECONCILE_STALE_MS",
  "MATCHPLACE_PLACEMENT_QUOTA",
  "MATCHPLACE_GAMELIFT_BUDGET_MS",
] as const;

/**
 * Rating settings forwarded to the functions: `MATCHPLACE_SKILL_BASIS` (`display` = μ − 3σ, or
 * `mu`) and `MATCHPLACE_SERVER_FLEETS` (JSON: game-server IAM role ARN → fleet ids, or `"*"`).
 */
function ratingSettings(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  const basis = env.MATCHPLACE_SKILL_BASIS?.trim();
  if (basis) {
    if (basis !== "display" && basis !== "mu")
      throw new InfraConfigError("MATCHPLACE_SKILL_BASIS", `expected display or mu, got "${basis}"`);
    out.MATCHPLACE_SKILL_BASIS = basis;
  }
  const fleets = env.MATCHPLACE_SERVER_FLEETS?.trim();
  if (fleets) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fleets);
    } catch {
      throw new InfraConfigError("MATCHPLACE_SERVER_FLEETS", "expected JSON");
    }
    const ok =
      typeof parsed === "object" &&
      parsed !== null &&
      !Array.isArray(parsed) &&
      Object.entries(parsed).every(
        ([k, v]) =>
          /^arn:aws[a-z-]*:(iam|sts)::\d{12}:/.test(k) &&
          (v === "*" || (Array.isArray(v) && v.every((f) => typeof f === "string"))),
      );
    if (!ok)
      throw new InfraConfigError(
        "MATCHPLACE_SERVER_FLEETS",
        'expected {"arn:aws:iam::<account>:role/<fleet role>": ["fleet-..."] | "*"}',
      );
    out.MATCHPLACE_SERVER_FLEETS = JSON.stringify(parsed);
  }
  return out;
}

const GAMELIFT_ARN =
  /^arn:aws[a-z-]*:gamelift:[a-z0-9-]+:\d{12}:(matchmakingconfiguration|gamesessionqueue|fleet|alias)\/.+$/;

function list(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new InfraConfigError(name, `expected a positive number, got "${raw}"`);
  return value;
}

function gameLiftArn(env: NodeJS.ProcessEnv, name: string, kinds: readonly string[]): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  const match = GAMELIFT_ARN.exec(value);
  if (!match || !kinds.includes(match[1] ?? "")) {
    throw new InfraConfigError(name, `expected a GameLift ${kinds.join(" or ")} ARN, got "${value}"`);
  }
  return value;
}

/**
 * Reads the configuration from environment variables (`MATCHPLACE_*`).
 *
 * @example
 * ```ts
 * const config = readInfraConfig(process.env);
 * if (config.jwt) api.addAuthorizer({ name: "Jwt", jwt: { issuer: config.jwt.issuer, audiences: [...config.jwt.audiences] } });
 * ```
 */
export function readInfraConfig(env: NodeJS.ProcessEnv): InfraConfig {
  const issuer = env.MATCHPLACE_JWT_ISSUER?.trim();
  const audiences = list(env, "MATCHPLACE_JWT_AUDIENCE");
  if (issuer && audiences.length === 0) {
    throw new InfraConfigError("MATCHPLACE_JWT_AUDIENCE", "required when MATCHPLACE_JWT_ISSUER is set");
  }
  if (issuer && !issuer.startsWith("https://")) {
    throw new InfraConfigError("MATCHPLACE_JWT_ISSUER", `expected an https:// URL, got "${issuer}"`);
  }

  const queueDestinations = list(env, "MATCHPLACE_QUEUE_DESTINATIONS");
  for (const arn of queueDestinations) {
    const match = GAMELIFT_ARN.exec(arn);
    if (!match || (match[1] !== "fleet" && match[1] !== "alias")) {
      throw new InfraConfigError("MATCHPLACE_QUEUE_DESTINATIONS", `expected fleet or alias ARNs, got "${arn}"`);
    }
  }

  const fleetIdPattern = /^[a-z]*fleet-[a-zA-Z0-9-]+$/;
  const extraFleetIds = list(env, "MATCHPLACE_TRUSTED_FLEET_IDS");
  for (const id of extraFleetIds) {
    if (!fleetIdPattern.test(id))
      throw new InfraConfigError("MATCHPLACE_TRUSTED_FLEET_IDS", `expected fleet IDs (fleet-…), got "${id}"`);
  }
  const destinationFleetIds = queueDestinations.flatMap(
    (arn) => /:[a-z]*fleet\/([a-z]*fleet-[a-zA-Z0-9-]+)$/.exec(arn)?.[1] ?? [],
  );
  const trustedFleetIds = [...new Set([...destinationFleetIds, ...extraFleetIds])];

  const configurationArn = gameLiftArn(env, "MATCHPLACE_MATCHMAKING_CONFIGURATION_ARN", ["matchmakingconfiguration"]);
  const queueArn = gameLiftArn(env, "MATCHPLACE_GAME_SESSION_QUEUE_ARN", ["gamesessionqueue"]);
  if (Boolean(configurationArn) !== Boolean(queueArn)) {
    throw new InfraConfigError(
      "MATCHPLACE_MATCHMAKING_CONFIGURATION_ARN",
      "set both MATCHPLACE_MATCHMAKING_CONFIGURATION_ARN and MATCHPLACE_GAME_SESSION_QUEUE_ARN, or neither",
    );
  }

  const corsOrigins = list(env, "MATCHPLACE_CORS_ORIGINS");
  const selfSignUpRaw = env.MATCHPLACE_SELF_SIGN_UP?.trim().toLowerCase() ?? "";
  if (!["", "true", "false"].includes(selfSignUpRaw)) {
    throw new InfraConfigError(
      "MATCHPLACE_SELF_SIGN_UP",
      `expected true or false, got "${env.MATCHPLACE_SELF_SIGN_UP}"`,
    );
  }
  return {
    selfSignUp: selfSignUpRaw === "true",
    ...(issuer ? { jwt: { issuer, audiences } } : {}),
    queueDestinations,
    trustedFleetIds,
    ...(configurationArn && queueArn ? { existingGameLift: { configurationArn, queueArn } } : {}),
    ...(env.MATCHPLACE_ALARM_EMAIL?.trim() ? { alarmEmail: env.MATCHPLACE_ALARM_EMAIL.trim() } : {}),
    corsOrigins: corsOrigins.length > 0 ? corsOrigins : ["*"],
    throttleRate: positiveNumber(env, "MATCHPLACE_API_THROTTLE_RATE", 100),
    throttleBurst: positiveNumber(env, "MATCHPLACE_API_THROTTLE_BURST", 200),
    functionSettings: {
      ...Object.fromEntries(
        FUNCTION_SETTINGS.filter((name) => env[name]).map((name) => [name, String(positiveNumber(env, name, 0))]),
      ),
      ...ratingSettings(env),
    },
    logLevel: logLevel(env),
  };
}

/** The configuration of this deploy. */
export const config: InfraConfig = readInfraConfig(process.env);
