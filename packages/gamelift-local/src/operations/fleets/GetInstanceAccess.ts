import { generateKeyPairSync } from "node:crypto";
import { z } from "zod";
import { collections } from "../../engines/state/collections.js";
import { InvalidFleetStatusException, NotFoundException } from "../../errors.js";
import { defineOperation } from "../defineOperation.js";
import { requireFleet } from "../lookup.js";
import { fleetIdOrArn } from "../shapes.js";
import type { EmulatorContext } from "../../engines/context.js";
import { isWindows } from "./fleetInputs.js";

/** A Windows password from the id source (no Math.random), with the classes Windows requires. */
function windowsPassword(ctx: EmulatorContext): string {
  return `Gl-${ctx.ids.uuid().replace(/-/g, "").slice(0, 20)}!9a`;
}

/** An RSA private key in PKCS#1 PEM, `-----BEGIN RSA PRIVATE KEY-----`. */
function rsaPrivateKeyPem(): string {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "pkcs1", format: "pem" },
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
  });
  return privateKey;
}

/**
 * GetInstanceAccess: remote-access credentials for an instance of a fleet that is ACTIVATING,
 * ACTIVE or ERROR. Linux: user `gl-user-remote` and an RSA private key; Windows: `gl-user-remote`
 * and a password. The secret is made once per instance and kept.
 */
export const GetInstanceAccess = defineOperation(
  z.object({
    FleetId: fleetIdOrArn,
    InstanceId: z
      .string()
      .regex(/^[a-zA-Z0-9.-]+$/)
      .min(1)
      .max(256),
  }),
  (req, ctx) => {
    const fleet = requireFleet(ctx, req.FleetId);
    if (fleet.Status !== "ACTIVATING" && fleet.Status !== "ACTIVE" && fleet.Status !== "ERROR") {
      throw new InvalidFleetStatusException(
        `Fleet ${fleet.FleetId} is ${fleet.Status}; instance access needs ACTIVATING, ACTIVE or ERROR.`,
      );
    }
    const instance = collections(ctx.store).instances.get(req.InstanceId);
    if (!instance || instance.FleetId !== fleet.FleetId) {
      throw new NotFoundException(`Instance ${req.InstanceId} not found in fleet ${fleet.FleetId}.`);
    }
    const windows = isWindows(instance.OperatingSystem);
    instance.secret ??= windows ? windowsPassword(ctx) : rsaPrivateKeyPem();
    return {
      InstanceAccess: {
        FleetId: fleet.FleetId,
        InstanceId: instance.InstanceId,
        IpAddress: instance.IpAddress,
        OperatingSystem: instance.OperatingSystem,
        Credentials: { UserName: "gl-user-remote", Secret: instance.secret },
      },
    };
  },
);
