import { request, type IncomingMessage, type ServerResponse } from "node:http";
import { authorizeUpload, type S3Denial } from "../engines/builds/uploadCredentials.js";
import { recordUpload } from "../engines/builds/uploads.js";
import type { EmulatorContext } from "../engines/context.js";
import { decodeAwsChunked } from "./awsChunked.js";

/** Options of `createS3ProxyHandler`. */
export interface S3ProxyOptions {
  readonly ctx: EmulatorContext;
  /** Where s3rver listens (loopback only; never handed to clients). */
  readonly upstream: { readonly host: string; readonly port: number };
}

interface Target {
  bucket?: string;
  key?: string;
  path: string;
  uploadId?: string;
  partNumber?: string;
}

const authQuery = /^x-amz-(algorithm|credential|date|expires|signedheaders|signature|security-token)$/i;

/** Bucket and key from a path-style (`/bucket/key`) or virtual-hosted (`bucket.localhost`) request. */
function targetOf(req: IncomingMessage, url: URL): Target {
  const vhost = /^([a-z0-9-]+)\.(localhost|127\.0\.0\.1)(:\d+)?$/.exec(req.headers.host ?? "");
  const segments = url.pathname.split("/").slice(1);
  const [bucket, ...rest] = vhost?.[1] ? [vhost[1], ...segments] : segments;
  const key = rest.length ? decodeURIComponent(rest.join("/")) : undefined;
  const query = [...url.searchParams].filter(([k]) => !authQuery.test(k));
  const search = query.length ? `?${new URLSearchParams(query).toString()}` : "";
  return {
    bucket: bucket || undefined,
    key: key || undefined,
    path: `/${[bucket, ...rest].join("/")}${search}`,
    uploadId: url.searchParams.get("uploadId") ?? undefined,
    partNumber: url.searchParams.get("partNumber") ?? undefined,
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function deny(res: ServerResponse, denial: S3Denial, requestId: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${denial.code}</Code><Message>${denial.message}</Message><RequestId>${requestId}</RequestId></Error>`;
  res.writeHead(denial.status, { "content-type": "application/xml", "x-amz-request-id": requestId });
  res.end(body);
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
  return Buffer.concat(chunks);
}

/**
 * The local S3's front door: admits only requests signed with build upload credentials that are
 * unexpired and scoped to the object (denials as S3 XML errors: ExpiredToken, AccessDenied, ...),
 * then forwards them, unsigned, to s3rver. Signatures themselves are not verified.
 */
export function createS3ProxyHandler(
  options: S3ProxyOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { ctx, upstream } = options;
  // Part sizes of multipart uploads in progress, by upload id then part number.
  const parts = new Map<string, Map<string, number>>();
  /** Tracks a write that succeeded so a completed build upload is known with its exact size. */
  const written = (req: IncomingMessage, target: Target, size: number): void => {
    if (!target.bucket || !target.key) return;
    if (req.method === "PUT" && target.uploadId && target.partNumber) {
      const upload = parts.get(target.uploadId) ?? new Map<string, number>();
      parts.set(target.uploadId, upload.set(target.partNumber, size));
    } else if (req.method === "PUT" && !target.uploadId && !req.headers["x-amz-copy-source"]) {
      recordUpload(ctx, target.bucket, target.key, size);
    } else if (req.method === "POST" && target.uploadId) {
      const seen = parts.get(target.uploadId);
      parts.delete(target.uploadId);
      recordUpload(ctx, target.bucket, target.key, seen ? [...seen.values()].reduce((a, b) => a + b, 0) : undefined);
    }
  };
  return async (req, res) => {
    const requestId = ctx.ids.uuid().replace(/-/g, "").slice(0, 16).toUpperCase();
    const url = new URL(req.url ?? "/", "http://s3.local");
    const target = targetOf(req, url);
    const accessKeyId =
      /Credential=([^/,\s]+)\//.exec(header(req, "authorization") ?? "")?.[1] ??
      url.searchParams.get("X-Amz-Credential")?.split("/")[0];
    const sessionToken =
      header(req, "x-amz-security-token") ?? url.searchParams.get("X-Amz-Security-Token") ?? undefined;
    const denial = authorizeUpload(ctx, { accessKeyId, sessionToken, bucket: target.bucket, key: target.key });
    if (denial) {
      req.resume();
      deny(res, denial, requestId);
      return;
    }
    const headers: Record<string, string | string[] | undefined> = {
      ...req.headers,
      host: `${upstream.host}:${upstream.port}`,
    };
    for (const h of ["authorization", "x-amz-security-token", "x-amz-content-sha256", "x-amz-date"]) delete headers[h];
    let body: Buffer | undefined;
    const encodings = (header(req, "content-encoding") ?? "")
      .split(",")
      .map((e) => e.trim())
      .filter(Boolean);
    if (encodings.includes("aws-chunked") || /^STREAMING-/.test(header(req, "x-amz-content-sha256") ?? "")) {
      body = decodeAwsChunked(await readAll(req));
      const rest = encodings.filter((e) => e !== "aws-chunked");
      if (rest.length) headers["content-encoding"] = rest.join(",");
      else delete headers["content-encoding"];
      for (const h of ["x-amz-decoded-content-length", "x-amz-trailer", "transfer-encoding"]) delete headers[h];
      headers["content-length"] = String(body.length);
    }
    let size = body?.length ?? 0;
    await new Promise<void>((resolve, reject) => {
      const out = request(
        { host: upstream.host, port: upstream.port, method: req.method, path: target.path, headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
          up.on("end", () => {
            if (up.statusCode === 200) written(req, target, size);
            resolve();
          });
          up.on("error", reject);
        },
      );
      out.on("error", reject);
      if (body) out.end(body);
      else {
        req.on("data", (chunk: Buffer) => {
          size += chunk.length;
        });
        req.pipe(out);
      }
    });
  };
}
