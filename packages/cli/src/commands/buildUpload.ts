import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import { CreateBuildCommand, type Build, type GameLiftClient, type OperatingSystem } from "@aws-sdk/client-gamelift";
import { prepareArchive } from "../archive.js";
import { flagOption, integerOption, requiredOption, stringOption, type OptionValues } from "../args.js";
import { buildOperatingSystems, defaultConcurrency } from "../constants.js";
import { CliError, InterruptedError, UsageError, WrongStateError } from "../errors.js";
import { formatBytes, formatThroughput, plural } from "../format.js";
import { checkBuildId, describeBuild, gameLiftCall, requestUploadCredentials, toGrant } from "../gamelift.js";
import { createProgressReporter } from "../progress.js";
import type { CommandContext } from "../types.js";
import { openFileSource, sha256File } from "../upload/fileSource.js";
import { ResumableUpload } from "../upload/ResumableUpload.js";
import { s3PartStore } from "../upload/s3PartStore.js";
import type { CredentialGrant } from "../upload/types.js";

interface UploadPlan {
  readonly input: string;
  readonly buildId?: string;
  readonly name?: string;
  readonly version?: string;
  readonly os?: OperatingSystem;
  readonly partSize: number;
  readonly concurrency: number;
  readonly wait: boolean;
  readonly compress: boolean;
  readonly waitTimeoutMs: number;
}

function plan(positionals: readonly string[], values: OptionValues): UploadPlan {
  if (positionals.length !== 1) throw new UsageError("build upload takes one <dir|zip> argument");
  const input = positionals[0] ?? "";
  const common = {
    input,
    partSize: integerOption(values, "part-size", 8, 5, 5120) * 1024 * 1024,
    concurrency: integerOption(values, "concurrency", defaultConcurrency, 1, 32),
    wait: !flagOption(values, "no-wait"),
    compress: !flagOption(values, "no-compress"),
    waitTimeoutMs: integerOption(values, "wait-timeout", 600, 1, 86_400) * 1000,
  };
  const buildId = stringOption(values, "build");
  if (buildId !== undefined) {
    for (const name of ["name", "version", "os"]) {
      if (values[name] !== undefined) throw new UsageError(`--${name} applies to new builds only, not with --build`);
    }
    return { ...common, buildId: checkBuildId(buildId, "--build") };
  }
  const os = requiredOption(values, "os");
  if (!buildOperatingSystems.includes(os))
    throw new UsageError(`--os must be one of ${buildOperatingSystems.join(", ")}; got "${os}"`);
  return {
    ...common,
    name: requiredOption(values, "name"),
    version: requiredOption(values, "version"),
    os: os as OperatingSystem,
  };
}

async function startBuild(gamelift: GameLiftClient, p: UploadPlan): Promise<{ build: Build; grant: CredentialGrant }> {
  if (p.buildId !== undefined) {
    const build = await describeBuild(gamelift, p.buildId);
    if (build.Status !== "INITIALIZED") {
      throw new WrongStateError(
        `build ${p.buildId} is ${build.Status ?? "in no status"}; files can only be uploaded to an INITIALIZED build`,
        build.Status,
      );
    }
    return { build, grant: await requestUploadCredentials(gamelift, p.buildId) };
  }
  const out = await gameLiftCall("CreateBuild", () =>
    gamelift.send(new CreateBuildCommand({ Name: p.name, Version: p.version, OperatingSystem: p.os })),
  );
  if (out.Build?.BuildId === undefined) throw new CliError("CreateBuild returned no build");
  return { build: out.Build, grant: toGrant(out.Build.BuildId, out.UploadCredentials, out.StorageLocation) };
}

async function waitForReady(
  gamelift: GameLiftClient,
  buildId: string,
  timeoutMs: number,
  intervalMs: number,
  signal?: AbortSignal,
): Promise<Build> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (signal?.aborted === true)
      throw new InterruptedError(
        `stopped waiting; the upload is complete and build ${buildId} will turn READY by itself`,
      );
    const build = await describeBuild(gamelift, buildId);
    if (build.Status === "READY") return build;
    if (build.Status === "FAILED")
      throw new WrongStateError(`build ${buildId} turned FAILED after the upload`, build.Status);
    if (performance.now() >= deadline)
      throw new CliError(`build ${buildId} is still ${build.Status ?? "?"} after ${timeoutMs / 1000} s`);
    await delay(intervalMs, undefined, signal === undefined ? {} : { signal }).catch(() => undefined);
  }
}

/**
 * `build upload <dir|zip>`: zips a directory (or takes a zip), creates the build (or takes an
 * INITIALIZED one with `--build`), uploads it with the returned temporary credentials (refreshing
 * them with RequestUploadCredentials when S3 refuses them), then waits for READY.
 */
export async function buildUpload(
  ctx: CommandContext,
  positionals: readonly string[],
  values: OptionValues,
): Promise<void> {
  const p = plan(positionals, values);
  const { io } = ctx;
  const release = io.interrupt?.hold();
  const signal = io.interrupt?.signal;
  try {
    await upload(ctx, p, signal);
  } finally {
    release?.();
  }
}

async function upload(ctx: CommandContext, p: UploadPlan, signal: AbortSignal | undefined): Promise<void> {
  const { io } = ctx;
  const archive = await prepareArchive(p.input, io.cwd, {
    compress: p.compress,
    ...(signal === undefined ? {} : { signal }),
  });
  try {
    const connection = await ctx.connect();
    const { gamelift } = connection;
    const sha256 = await sha256File(archive.path);
    if (signal?.aborted === true) throw new InterruptedError("interrupted before the build was created");
    const { build, grant } = await startBuild(gamelift, p);
    const buildId = build.BuildId ?? "";
    const source = await openFileSource(archive.path);
    if (!ctx.json) {
      const what = archive.zipped
        ? `${plural(archive.files ?? 0, "file")} zipped to ${formatBytes(source.size)}`
        : formatBytes(source.size);
      io.stderr.write(`build ${buildId}: uploading ${what} to s3://${grant.location.bucket}/${grant.location.key}\n`);
    }
    const reporter = createProgressReporter(io.stderr, () => performance.now());
    const started = performance.now();
    let summary: Awaited<ReturnType<ResumableUpload["run"]>>;
    try {
      summary = await new ResumableUpload({
        source,
        grant,
        refresh: () => requestUploadCredentials(gamelift, buildId),
        storeFor: (credentials) => s3PartStore(connection.s3For(credentials)),
        partSize: p.partSize,
        concurrency: p.concurrency,
        ...(ctx.json ? {} : { onProgress: (progress) => reporter.onProgress(progress) }),
        onRefresh: (event) => reporter.onRefresh(event),
        ...(signal === undefined ? {} : { signal }),
      }).run();
    } catch (err) {
      const hint = `; build ${buildId} stays INITIALIZED: run again with --build ${buildId}`;
      if (err instanceof InterruptedError) throw new InterruptedError(`${err.message}${hint}`, { cause: err });
      if (err instanceof CliError) throw new CliError(`${err.message}${hint}`, err.exitCode, { cause: err });
      const e = err as Error;
      throw new CliError(`build ${buildId}: upload failed: ${e.name}: ${e.message}${hint}`, undefined, { cause: err });
    } finally {
      reporter.finish();
      await source.close();
    }
    const elapsedMs = performance.now() - started;
    const final = p.wait
      ? await waitForReady(gamelift, buildId, p.waitTimeoutMs, connection.mode === "aws" ? 2000 : 200, signal)
      : await describeBuild(gamelift, buildId);
    const result = {
      buildId,
      buildArn: final.BuildArn,
      status: final.Status,
      name: final.Name,
      version: final.Version,
      operatingSystem: final.OperatingSystem,
      bucket: grant.location.bucket,
      key: grant.location.key,
      bytes: summary.bytes,
      sha256,
      parts: summary.parts,
      credentialRefreshes: summary.refreshes,
      partsRedone: summary.partsRedone,
      uploadSeconds: Math.round(elapsedMs) / 1000,
      bytesPerSecond: Math.round((summary.bytes * 1000) / Math.max(elapsedMs, 1)),
    };
    if (ctx.json) {
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    io.stdout.write(
      [
        `uploaded ${formatBytes(summary.bytes)} in ${plural(summary.parts, "part")}, ${(elapsedMs / 1000).toFixed(1)} s, ${formatThroughput(summary.bytes, elapsedMs)}` +
          (summary.refreshes > 0
            ? `; credentials refreshed ${plural(summary.refreshes, "time")}, ${plural(summary.partsRedone, "part")} redone`
            : ""),
        `sha256    ${sha256}`,
        `status    ${final.Status ?? "?"}`,
        `build id  ${buildId}`,
        `build arn ${final.BuildArn ?? "?"}`,
        "",
      ].join("\n"),
    );
  } finally {
    await archive.dispose();
  }
}
