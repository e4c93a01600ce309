import { describe, expect, it } from "vitest";
import { InfraConfigError, readInfraConfig } from "../config.js";

const FLEET = "arn:aws:gamelift:us-east-1:123456789012:fleet/fleet-1";
const CONFIGURATION = "arn:aws:gamelift:us-east-1:123456789012:matchmakingconfiguration/ranked";
const QUEUE = "arn:aws:gamelift:us-east-1:123456789012:gamesessionqueue/main";

describe("readInfraConfig", () => {
  it("defaults to a stack-made Cognito pool, seeded GameLift, open CORS and 100/200 throttling", () => {
    expect(readInfraConfig({})).toEqual({
      selfSignUp: false,
      queueDestinations: [],
      trustedFleetIds: [],
      corsOrigins: ["*"],
      throttleRate: 100,
      throttleBurst: 200,
      functionSettings: {},
      logLevel: "INFO",
    });
  });

  it("reads an external issuer with comma-separated audiences", () => {
    expect(
      readInfraConfig({ MATCHPLACE_JWT_ISSUER: "https://id.example.com", MATCHPLACE_JWT_AUDIENCE: "a, b" }).jwt,
    ).toEqual({
      issuer: "https://id.example.com",
      audiences: ["a", "b"],
    });
  });

  it("reads existing GameLift resources and queue destinations", () => {
    const config = readInfraConfig({
      MATCHPLACE_MATCHMAKING_CONFIGURATION_ARN: CONFIGURATION,
      MATCHPLACE_GAME_SESSION_QUEUE_ARN: QUEUE,
      MATCHPLACE_QUEUE_DESTINATIONS: `${FLEET},arn:aws:gamelift:us-east-1:123456789012:alias/alias-1`,
    });
    expect(config.existingGameLift).toEqual({ configurationArn: CONFIGURATION, queueArn: QUEUE });
    expect(config.queueDestinations).toHaveLength(2);
  });

  it("keeps Cognito self sign-up off unless MATCHPLACE_SELF_SIGN_UP=true", () => {
    expect(readInfraConfig({}).selfSignUp).toBe(false);
    expect(readInfraConfig({ MATCHPLACE_SELF_SIGN_UP: "true" }).selfSignUp).toBe(true);
    expect(() => readInfraConfig({ MATCHPLACE_SELF_SIGN_UP: "yes" })).toThrow(/MATCHPLACE_SELF_SIGN_UP/);
  });

  it("trusts the fleet destinations' IDs plus MATCHPLACE_TRUSTED_FLEET_IDS (the fleets behind aliases)", () => {
    const config = readInfraConfig({
      MATCHPLACE_QUEUE_DESTINATIONS: `${FLEET},arn:aws:gamelift:us-east-1:123456789012:alias/alias-1`,
      MATCHPLACE_TRUSTED_FLEET_IDS: "fleet-behind-alias",
    });
    expect(config.trustedFleetIds).toEqual([FLEET.split("/")[1], "fleet-behind-alias"]);
    expect(() => readInfraConfig({ MATCHPLACE_TRUSTED_FLEET_IDS: "arn:aws:gamelift:x" })).toThrow(
      /MATCHPLACE_TRUSTED_FLEET_IDS/,
    );
  });

  it("forwards the handlers' numeric settings that are set, and only those", () => {
    expect(readInfraConfig({ MATCHPLACE_RETENTION_SECONDS: "3600", MATCHPLACE_OTHER: "1" }).functionSettings).toEqual({
      MATCHPLACE_RETENTION_SECONDS: "3600",
    });
  });

  it("forwards the skill basis and the game-server fleet map (compacted JSON)", () => {
    const fleets =
      '{ "arn:aws:iam::123456789012:role/arena-fleet": ["fleet-1"], "arn:aws:iam::123456789012:role/ops": "*" }';
    expect(
      readInfraConfig({ MATCHPLACE_SKILL_BASIS: "mu", MATCHPLACE_SERVER_FLEETS: fleets }).functionSettings,
    ).toEqual({
      MATCHPLACE_SKILL_BASIS: "mu",
      MATCHPLACE_SERVER_FLEETS: JSON.stringify(JSON.parse(fleets)),
    });
  });

  it.each([
    [{ MATCHPLACE_SKILL_BASIS: "elo" }, "MATCHPLACE_SKILL_BASIS"],
    [{ MATCHPLACE_SERVER_FLEETS: "role=fleet" }, "MATCHPLACE_SERVER_FLEETS"],
    [{ MATCHPLACE_SERVER_FLEETS: '{"arena-fleet":["fleet-1"]}' }, "MATCHPLACE_SERVER_FLEETS"],
    [{ MATCHPLACE_RECONCILE_TICKET_RPS: "-1" }, "MATCHPLACE_RECONCILE_TICKET_RPS"],
    [{ MATCHPLACE_JWT_ISSUER: "https://id.example.com" }, "MATCHPLACE_JWT_AUDIENCE"],
    [{ MATCHPLACE_JWT_ISSUER: "http://id.example.com", MATCHPLACE_JWT_AUDIENCE: "a" }, "MATCHPLACE_JWT_ISSUER"],
    [{ MATCHPLACE_QUEUE_DESTINATIONS: QUEUE }, "MATCHPLACE_QUEUE_DESTINATIONS"],
    [{ MATCHPLACE_MATCHMAKING_CONFIGURATION_ARN: CONFIGURATION }, "MATCHPLACE_MATCHMAKING_CONFIGURATION_ARN"],
    [
      { MATCHPLACE_MATCHMAKING_CONFIGURATION_ARN: QUEUE, MATCHPLACE_GAME_SESSION_QUEUE_ARN: QUEUE },
      "MATCHPLACE_MATCHMAKING_CONFIGURATION_ARN",
    ],
    [{ MATCHPLACE_API_THROTTLE_RATE: "fast" }, "MATCHPLACE_API_THROTTLE_RATE"],
    [{ MATCHPLACE_LOG_LEVEL: "chatty" }, "MATCHPLACE_LOG_LEVEL"],
  ])("rejects %o naming %s", (env, variable) => {
    expect(() => readInfraConfig(env)).toThrow(InfraConfigError);
    expect(() => readInfraConfig(env)).toThrow(variable);
  });
});
