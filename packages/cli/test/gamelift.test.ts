import { describe, expect, it } from "vitest";
import { CliError, NotFoundError, RefusedError, UsageError, WrongStateError } from "../src/errors.js";
import { checkBuildId, checkFleetId, gameLiftCall, toGrant } from "../src/gamelift.js";

function sdkError(name: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} message`), { name }, extra);
}

describe("gameLiftCall", () => {
  it.each([
    { error: sdkError("NotFoundException"), type: NotFoundError, exit: 3 },
    { error: sdkError("InvalidFleetStatusException"), type: WrongStateError, exit: 4 },
    { error: sdkError("ConflictException"), type: WrongStateError, exit: 4 },
    { error: sdkError("InvalidRequestException"), type: CliError, exit: 1 },
    { error: sdkError("Error", { code: "ECONNREFUSED" }), type: CliError, exit: 1 },
  ])("maps $error.name to exit $exit", async ({ error, type, exit }) => {
    const err = await gameLiftCall("fleet fleet-1", () => Promise.reject(error)).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(type);
    expect((err as CliError).exitCode).toBe(exit);
    expect((err as Error).message).toMatch(/^fleet fleet-1: /);
  });

  it("says GameLift cannot be reached on a connection error", async () => {
    await expect(
      gameLiftCall("ListBuilds", () => Promise.reject(sdkError("Error", { code: "ECONNREFUSED" }))),
    ).rejects.toThrow("ListBuilds: cannot reach GameLift (ECONNREFUSED)");
  });
});

describe("toGrant", () => {
  const credentials = { AccessKeyId: "ASIA1", SecretAccessKey: "s", SessionToken: "t" };

  it("keeps all three parts of the credentials and the location", () => {
    expect(toGrant("build-1", credentials, { Bucket: "gamelift-builds", Key: "k/build-1" })).toEqual({
      credentials: { accessKeyId: "ASIA1", secretAccessKey: "s", sessionToken: "t" },
      location: { bucket: "gamelift-builds", key: "k/build-1" },
    });
  });

  it("refuses a bucket whose name has a dot", () => {
    expect(() => toGrant("build-1", credentials, { Bucket: "my.builds", Key: "k" })).toThrow(RefusedError);
  });

  it.each([
    { what: "credentials", creds: undefined, location: { Bucket: "b", Key: "k" } },
    { what: "StorageLocation", creds: credentials, location: { Bucket: "b" } },
  ])("fails when GameLift returns no $what", ({ creds, location, what }) => {
    expect(() => toGrant("build-1", creds, location)).toThrow(
      new RegExp(`no ${what === "credentials" ? "upload credentials" : what}`),
    );
  });
});

describe("id checks", () => {
  it.each(["build-1", "arn:aws:gamelift:us-east-1:123456789012:build/build-1"])("accepts build %s", (id) => {
    expect(checkBuildId(id)).toBe(id);
  });

  it.each(["fleet-1", "containerfleet-a-b", "arn:aws:gamelift:us-east-1:123456789012:fleet/fleet-1"])(
    "accepts fleet %s",
    (id) => {
      expect(checkFleetId(id)).toBe(id);
    },
  );

  it.each(["1234", "build 1", "fleet_1"])("rejects %s as a build or fleet id", (id) => {
    expect(() => checkBuildId(id)).toThrow(UsageError);
    expect(() => checkFleetId(id)).toThrow(UsageError);
  });
});
