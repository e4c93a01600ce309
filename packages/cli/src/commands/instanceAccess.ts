import { resolve } from "node:path";
import { GetInstanceAccessCommand, type GameLiftClient, type InstanceAccess } from "@aws-sdk/client-gamelift";
import { flagOption, requiredOption, stringOption, type OptionValues } from "../args.js";
import { instanceAccessStatuses } from "../constants.js";
import { CliError, NotFoundError, UsageError, WrongStateError } from "../errors.js";
import { checkFleetId, describeFleet, describeInstances, gameLiftCall } from "../gamelift.js";
import { privateKeyMode, writePrivateKey } from "../pem.js";
import type { CommandContext } from "../types.js";
import { shellQuote } from "./buildCredentials.js";

const masked = "********";

async function pickInstance(gamelift: GameLiftClient, fleetId: string, values: OptionValues): Promise<string> {
  const instanceId = stringOption(values, "instance");
  if (instanceId !== undefined) {
    if (!/^[a-zA-Z0-9.-]{1,256}$/.test(instanceId))
      throw new UsageError(`--instance must be an instance id like i-…, got "${instanceId}"`);
    return instanceId;
  }
  const all = await describeInstances(gamelift, fleetId);
  const chosen = all.find((i) => i.Status === "ACTIVE") ?? all[0];
  if (chosen?.InstanceId === undefined) throw new NotFoundError(`fleet ${fleetId} has no instances yet`);
  return chosen.InstanceId;
}

async function getAccess(gamelift: GameLiftClient, fleetId: string, instanceId: string): Promise<InstanceAccess> {
  const out = await gameLiftCall(`instance ${instanceId} of fleet ${fleetId}`, () =>
    gamelift.send(new GetInstanceAccessCommand({ FleetId: fleetId, InstanceId: instanceId })),
  );
  if (out.InstanceAccess?.Credentials?.Secret === undefined)
    throw new CliError(`GetInstanceAccess returned no credentials for ${instanceId}`);
  return out.InstanceAccess;
}

/**
 * `instance access --fleet F (--instance I | --first)`: GetInstanceAccess. Linux: writes the private
 * key to a new mode-0400 `.pem` (never printed) and prints the ssh command. Windows: prints the RDP
 * user and the password, masked unless `--show-secret`.
 * @throws WrongStateError when the fleet is not ACTIVATING, ACTIVE or ERROR.
 */
export async function instanceAccess(
  ctx: CommandContext,
  positionals: readonly string[],
  values: OptionValues,
): Promise<void> {
  if (positionals.length > 0)
    throw new UsageError(`instance access takes no arguments, got "${positionals.join(" ")}"`);
  const fleetId = checkFleetId(requiredOption(values, "fleet"));
  if (flagOption(values, "first") === (stringOption(values, "instance") !== undefined)) {
    throw new UsageError("give exactly one of --instance <id> and --first");
  }
  const { gamelift } = await ctx.connect();
  const fleet = await describeFleet(gamelift, fleetId);
  const status = fleet.Status ?? "UNKNOWN";
  if (!instanceAccessStatuses.includes(status)) {
    throw new WrongStateError(
      `fleet ${fleetId} is ${status}; instance access needs it ACTIVATING, ACTIVE or ERROR`,
      status,
    );
  }
  const instanceId = await pickInstance(gamelift, fleetId, values);
  const access = await getAccess(gamelift, fleetId, instanceId);
  const userName = access.Credentials?.UserName ?? "";
  const secret = access.Credentials?.Secret ?? "";
  const ip = access.IpAddress ?? "";
  const base = {
    fleetId: access.FleetId ?? fleetId,
    instanceId,
    ipAddress: ip,
    operatingSystem: access.OperatingSystem,
    userName,
  };
  const { io } = ctx;
  if ((access.OperatingSystem ?? "").startsWith("WINDOWS")) {
    const shown = flagOption(values, "show-secret") ? secret : masked;
    if (ctx.json) {
      io.stdout.write(`${JSON.stringify({ ...base, password: shown }, null, 2)}\n`);
      return;
    }
    io.stdout.write(
      [
        `rdp       ${ip}:3389`,
        `user      ${userName}`,
        `password  ${shown}${shown === masked ? "   (--show-secret to print it)" : ""}`,
        "",
      ].join("\n"),
    );
    return;
  }
  const keyFile = resolve(
    io.cwd,
    stringOption(values, "out") ?? `${base.fleetId.replace(/^.*\//, "")}-${instanceId}.pem`,
  );
  const { replaced } = await writePrivateKey(keyFile, secret, { force: flagOption(values, "force") });
  const sshCommand = `ssh -i ${shellQuote(keyFile)} ${userName}@${ip}`;
  if (ctx.json) {
    io.stdout.write(`${JSON.stringify({ ...base, keyFile, keyFileMode: "0400", replaced, sshCommand }, null, 2)}\n`);
    return;
  }
  io.stdout.write(
    [
      `private key ${keyFile} (mode 0${privateKeyMode.toString(8)}${replaced ? ", replaced the old file" : ""})`,
      `user        ${userName}`,
      `ip address  ${ip}`,
      "",
      sshCommand,
      "",
      "(port 22 must be open on the fleet: UpdateFleetPortSettings)",
      "",
    ].join("\n"),
  );
}
