import { z } from "zod";
import type { IpPermission, RuntimeConfiguration } from "../../engines/state/records.js";
import { InvalidRequestException } from "../../errors.js";
import { text } from "../shapes.js";

/** RuntimeConfiguration input. */
export const runtimeConfigurationInput = z.object({
  ServerProcesses: z
    .array(
      z.object({
        LaunchPath: text(1, 1024),
        Parameters: text(1, 1024).optional(),
        ConcurrentExecutions: z.number().int().min(1),
      }),
    )
    .min(1)
    .max(50)
    .optional(),
  MaxConcurrentGameSessionActivations: z.number().int().min(1).max(2147483647).optional(),
  GameSessionActivationTimeoutSeconds: z.number().int().min(1).max(600).optional(),
});

/** IpPermission input. */
export const ipPermissionInput = z.object({
  FromPort: z.number().int().min(1).max(60000),
  ToPort: z.number().int().min(1).max(60000),
  IpRange: z.string().regex(/^[0-9a-fA-F:.]+\/\d{1,3}$/),
  Protocol: z.enum(["TCP", "UDP"]),
});

/** Whether an operating system is a Windows one. */
export const isWindows = (os: string | undefined): boolean => os?.startsWith("WINDOWS") ?? false;

/** Checks what the schema cannot: launch paths, process totals. */
export function checkRuntimeConfiguration(rc: RuntimeConfiguration): void {
  const procs = rc.ServerProcesses ?? [];
  if (procs.reduce((n, p) => n + p.ConcurrentExecutions, 0) > 50) {
    throw new InvalidRequestException("The total ConcurrentExecutions of a runtime configuration must be at most 50.");
  }
  for (const p of procs) {
    if (!/^\/local\/game\//.test(p.LaunchPath) && !/^c:\\game\\/i.test(p.LaunchPath)) {
      throw new InvalidRequestException(
        `LaunchPath ${p.LaunchPath} must be under /local/game/ (Linux) or C:\\game\\ (Windows).`,
      );
    }
  }
}

/** Checks port ranges: Linux allows 22 and 1026–60000, Windows 3389 and 1026–60000. */
export function checkIpPermissions(perms: readonly IpPermission[], operatingSystem: string | undefined): void {
  if (perms.length > 50) throw new InvalidRequestException("A fleet can have at most 50 inbound permissions.");
  const remote = isWindows(operatingSystem) ? 3389 : 22;
  for (const p of perms) {
    const ok = p.FromPort <= p.ToPort && ((p.FromPort === remote && p.ToPort === remote) || p.FromPort >= 1026);
    if (!ok) throw new InvalidRequestException(`Port range ${p.FromPort}-${p.ToPort} is not allowed on this fleet.`);
  }
}
