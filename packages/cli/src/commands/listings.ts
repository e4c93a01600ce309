import type { Build, BuildStatus, FleetAttributes, Instance } from "@aws-sdk/client-gamelift";
import { requiredOption, stringOption, type OptionValues } from "../args.js";
import { UsageError } from "../errors.js";
import { formatBytes, formatTime } from "../format.js";
import { checkFleetId, describeFleet, describeFleets, describeInstances, listBuilds } from "../gamelift.js";
import { renderTable, type Column } from "../table.js";
import type { CommandContext } from "../types.js";

const buildStatuses = ["INITIALIZED", "READY", "FAILED"];

/** Columns of `builds`. */
const buildColumns: readonly Column<Build>[] = [
  { header: "BUILD ID", cell: (b) => b.BuildId ?? "-" },
  { header: "NAME", cell: (b) => b.Name ?? "-" },
  { header: "VERSION", cell: (b) => b.Version ?? "-" },
  { header: "STATUS", cell: (b) => b.Status ?? "-" },
  { header: "OS", cell: (b) => b.OperatingSystem ?? "-" },
  { header: "SIZE", cell: (b) => (b.SizeOnDisk === undefined ? "-" : formatBytes(b.SizeOnDisk)) },
  { header: "CREATED", cell: (b) => formatTime(b.CreationTime) },
];

/** Columns of `fleets`. */
const fleetColumns: readonly Column<FleetAttributes>[] = [
  { header: "FLEET ID", cell: (f) => f.FleetId ?? "-" },
  { header: "NAME", cell: (f) => f.Name ?? "-" },
  { header: "STATUS", cell: (f) => f.Status ?? "-" },
  { header: "TYPE", cell: (f) => f.ComputeType ?? f.FleetType ?? "-" },
  { header: "INSTANCE TYPE", cell: (f) => f.InstanceType ?? "-" },
  { header: "BUILD", cell: (f) => f.BuildId ?? f.ScriptId ?? "-" },
  { header: "OS", cell: (f) => f.OperatingSystem ?? "-" },
  { header: "CREATED", cell: (f) => formatTime(f.CreationTime) },
];

/** Columns of `instances`. */
const instanceColumns: readonly Column<Instance>[] = [
  { header: "INSTANCE ID", cell: (i) => i.InstanceId ?? "-" },
  { header: "STATUS", cell: (i) => i.Status ?? "-" },
  { header: "IP ADDRESS", cell: (i) => i.IpAddress ?? "-" },
  { header: "DNS NAME", cell: (i) => i.DnsName ?? "-" },
  { header: "OS", cell: (i) => i.OperatingSystem ?? "-" },
  { header: "TYPE", cell: (i) => i.Type ?? "-" },
  { header: "LOCATION", cell: (i) => i.Location ?? "-" },
  { header: "CREATED", cell: (i) => formatTime(i.CreationTime) },
];

function print<T>(ctx: CommandContext, rows: readonly T[], columns: readonly Column<T>[]): void {
  ctx.io.stdout.write(ctx.json ? `${JSON.stringify(rows, null, 2)}\n` : renderTable(rows, columns));
}

function noPositionals(command: string, positionals: readonly string[]): void {
  if (positionals.length > 0) throw new UsageError(`${command} takes no arguments, got "${positionals.join(" ")}"`);
}

/** `builds [--status S]`: every build as a table (or JSON). */
export async function builds(ctx: CommandContext, positionals: readonly string[], values: OptionValues): Promise<void> {
  noPositionals("builds", positionals);
  const status = stringOption(values, "status");
  if (status !== undefined && !buildStatuses.includes(status))
    throw new UsageError(`--status must be one of ${buildStatuses.join(", ")}`);
  const { gamelift } = await ctx.connect();
  print(ctx, await listBuilds(gamelift, status as BuildStatus | undefined), buildColumns);
}

/** `fleets`: every fleet's attributes as a table (or JSON). */
export async function fleets(
  ctx: CommandContext,
  positionals: readonly string[],
  _values: OptionValues,
): Promise<void> {
  noPositionals("fleets", positionals);
  const { gamelift } = await ctx.connect();
  print(ctx, await describeFleets(gamelift), fleetColumns);
}

/** `instances --fleet F`: the fleet's instances as a table (or JSON). */
export async function instances(
  ctx: CommandContext,
  positionals: readonly string[],
  values: OptionValues,
): Promise<void> {
  noPositionals("instances", positionals);
  const fleetId = checkFleetId(requiredOption(values, "fleet"));
  const { gamelift } = await ctx.connect();
  await describeFleet(gamelift, fleetId); // a clear "not found" for an unknown fleet
  print(ctx, await describeInstances(gamelift, fleetId), instanceColumns);
}
