import { mkdtemp, rm } from "node:fs/promises";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import type { EmulatorContext, LocalS3Access } from "../engines/context.js";
import { createS3ProxyHandler } from "../protocol/s3Proxy.js";

/** Options of `startLocalS3`. */
export interface LocalS3Options {
  readonly ctx: EmulatorContext;
  /** The proxy's port (what clients use); 0 picks a free one. */
  readonly port: number;
  readonly host: string;
  /** Where s3rver keeps objects; default a temporary directory removed on close. */
  readonly directory?: string;
  /** Told about proxy faults. */
  readonly onError?: (err: unknown) => void;
}

/** A running local S3: s3rver on a private port behind the authorizing proxy. */
export interface LocalS3 extends LocalS3Access {
  readonly port: number;
  close(): Promise<void>;
}

/** The bucket builds are uploaded to. No dots: GameLift does not support them. */
function buildBucketName(ctx: EmulatorContext): string {
  return `gamelift-builds-${ctx.region}-${ctx.accountId}`;
}

/**
 * Starts s3rver (loopback, free port) with the build bucket, and the authorizing proxy on `port`.
 * @example
 * const s3 = await startLocalS3({ ctx, port: 4569, host: "127.0.0.1" });
 */
export async function startLocalS3(options: LocalS3Options): Promise<LocalS3> {
  const bucket = buildBucketName(options.ctx);
  const temporary = options.directory ? undefined : await mkdtemp(join(tmpdir(), "gamelift-local-s3-"));
  const directory = options.directory ?? temporary ?? "";
  const s3rver = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: [{ name: bucket }],
  });
  const upstream = { host: "127.0.0.1", port: (await s3rver.run()).port };
  const handler = createS3ProxyHandler({ ctx: options.ctx, upstream });
  const proxy = createServer((req, res) => {
    handler(req, res).catch((err: unknown) => {
      options.onError?.(err);
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    proxy.once("error", reject);
    proxy.listen(options.port, options.host, () => resolve());
  });
  const port = (proxy.address() as AddressInfo).port;

  const headObject = (key: string): Promise<number | undefined> =>
    new Promise((resolve, reject) => {
      const path = `/${bucket}/${key.split("/").map(encodeURIComponent).join("/")}`;
      const req = request({ ...upstream, method: "HEAD", path }, (res) => {
        res.resume();
        resolve(res.statusCode === 200 ? Number(res.headers["content-length"] ?? 0) : undefined);
      });
      req.on("error", reject);
      req.end();
    });

  const close = async (): Promise<void> => {
    await new Promise<void>((resolve) => {
      proxy.close(() => resolve());
      proxy.closeAllConnections();
    });
    await s3rver.close();
    if (temporary) await rm(temporary, { recursive: true, force: true });
  };
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return { endpoint: `http://${host}:${port}`, bucket, port, headObject, close };
}
