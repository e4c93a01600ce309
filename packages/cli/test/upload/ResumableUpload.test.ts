import { describe, expect, it } from "vitest";
import { CliError } from "../../src/errors.js";
import { choosePartSize, ResumableUpload } from "../../src/upload/ResumableUpload.js";
import type { CredentialGrant, RefreshEvent } from "../../src/upload/types.js";
import { bufferSource, FakeS3, s3Error } from "./fakeS3.js";

const MiB = 1024 * 1024;
const location = { bucket: "gamelift-builds-us-east-1", key: "build-1/archive.zip" };

function grant(n: number, where = location): CredentialGrant {
  return {
    credentials: { accessKeyId: `key-${n}`, secretAccessKey: `secret-${n}`, sessionToken: `token-${n}` },
    location: where,
  };
}

/** Arranges an upload whose credentials S3 refuses from the moment `partsDone` parts are stored. */
function arrange(options: { size: number; expireAfterParts?: number; concurrency?: number; refusal?: string }) {
  const s3 = new FakeS3();
  if (options.refusal !== undefined) s3.refusal = options.refusal;
  s3.validKeys.add("key-0");
  const source = bufferSource(options.size);
  const refreshes: RefreshEvent[] = [];
  let issued = 0;
  const refresh = async (): Promise<CredentialGrant> => {
    issued++;
    s3.validKeys.add(`key-${issued}`);
    return grant(issued);
  };
  const upload = new ResumableUpload({
    source,
    grant: grant(0),
    refresh,
    storeFor: (credentials) => s3.storeFor(credentials),
    partSize: 5 * MiB,
    concurrency: options.concurrency ?? 1,
    onRefresh: (event) => refreshes.push(event),
    onProgress: (progress) => {
      if (progress.partsDone === options.expireAfterParts) s3.validKeys.delete("key-0");
    },
  });
  return { s3, source, upload, refreshes, issuedCount: () => issued };
}

describe("ResumableUpload", () => {
  it("sends a file that fits in one part with a single PutObject", async () => {
    const { s3, source, upload } = arrange({ size: 1 * MiB });

    const summary = await upload.run();

    expect(summary).toEqual({ bytes: MiB, parts: 1, refreshes: 0, partsRedone: 0 });
    expect(s3.objects.get(`${location.bucket}/${location.key}`)?.equals(source.bytes)).toBe(true);
  });

  it("refreshes expired credentials, keeps the finished parts and redoes only the refused one", async () => {
    const { s3, source, upload, refreshes } = arrange({ size: 23 * MiB, expireAfterParts: 2 });

    const summary = await upload.run();

    expect(summary).toEqual({ bytes: 23 * MiB, parts: 5, refreshes: 1, partsRedone: 1 });
    expect([...s3.partAttempts]).toEqual([
      [1, 1],
      [2, 1],
      [3, 2],
      [4, 1],
      [5, 1],
    ]);
    expect(refreshes).toEqual([{ reason: "ExpiredToken", partNumber: 3, partsDone: 2, partsTotal: 5 }]);
    expect(s3.objects.get(`${location.bucket}/${location.key}`)?.equals(source.bytes)).toBe(true);
  });

  it("asks for fresh credentials once when several parts in flight are refused together", async () => {
    const { s3, source, upload, issuedCount } = arrange({ size: 48 * MiB, expireAfterParts: 3, concurrency: 4 });

    const summary = await upload.run();

    expect(issuedCount()).toBe(1);
    expect(summary.refreshes).toBe(1);
    expect(summary.partsRedone).toBeGreaterThan(1);
    expect([...s3.partsStored.values()].every((count) => count === 1)).toBe(true);
    expect(s3.partsStored.size).toBe(10);
    expect(s3.objects.get(`${location.bucket}/${location.key}`)?.equals(source.bytes)).toBe(true);
  });

  it.each(["AccessDenied", "InvalidAccessKeyId", "ExpiredToken"])(
    "treats %s as a refusal of the credentials",
    async (refusal) => {
      const { s3, source, upload } = arrange({ size: 12 * MiB, expireAfterParts: 1, refusal });

      const summary = await upload.run();

      expect(summary.refreshes).toBe(1);
      expect(s3.objects.get(`${location.bucket}/${location.key}`)?.equals(source.bytes)).toBe(true);
    },
  );

  it("refreshes when CreateMultipartUpload itself is refused", async () => {
    const { s3, upload, refreshes } = arrange({ size: 12 * MiB });
    s3.validKeys.delete("key-0");

    const summary = await upload.run();

    expect(summary.refreshes).toBe(1);
    expect(refreshes[0]?.partNumber).toBeUndefined();
    expect(s3.calls[0]).toBe("create:key-0");
  });

  it("gives up after three fresh sets are refused too, and aborts the multipart upload", async () => {
    const s3 = new FakeS3();
    s3.validKeys.add("key-0");
    let issued = 0;
    const upload = new ResumableUpload({
      source: bufferSource(12 * MiB),
      grant: grant(0),
      refresh: async () => grant(++issued), // never valid
      storeFor: (c) => s3.storeFor(c),
      partSize: 5 * MiB,
      onProgress: () => s3.validKeys.delete("key-0"),
    });

    await expect(upload.run()).rejects.toThrow(/still refuses the upload credentials \(ExpiredToken\) after 3/);
    expect(issued).toBe(3);
    expect(s3.aborted).toEqual(["upload-1"]);
  });

  it("fails without refreshing on an error that is not about credentials", async () => {
    const { s3, upload, issuedCount } = arrange({ size: 12 * MiB });
    s3.failPart = { partNumber: 2, error: s3Error("InvalidDigest") };

    await expect(upload.run()).rejects.toMatchObject({ name: "InvalidDigest" });
    expect(issuedCount()).toBe(0);
    expect(s3.aborted).toEqual(["upload-1"]);
  });

  it("refuses to resume when the fresh credentials are for another location", async () => {
    const s3 = new FakeS3();
    s3.validKeys.add("key-0");
    const upload = new ResumableUpload({
      source: bufferSource(12 * MiB),
      grant: grant(0),
      refresh: async () => grant(1, { bucket: location.bucket, key: "other/key.zip" }),
      storeFor: (c) => s3.storeFor(c),
      partSize: 5 * MiB,
      onProgress: () => s3.validKeys.delete("key-0"),
    });

    await expect(upload.run()).rejects.toBeInstanceOf(CliError);
  });
});

describe("choosePartSize", () => {
  it.each([
    { size: 50 * MiB, wanted: 8 * MiB, expected: 8 * MiB },
    { size: 50 * MiB, wanted: 1 * MiB, expected: 5 * MiB },
    { size: 100_000 * MiB + 1, wanted: 8 * MiB, expected: 10 * MiB + 1 },
  ])("picks $expected bytes for $size bytes wanting $wanted", ({ size, wanted, expected }) => {
    expect(choosePartSize(size, wanted)).toBe(expected);
  });
});

describe("ResumableUpload interrupted", () => {
  it("starts no new part once the signal is aborted, then aborts the multipart upload", async () => {
    const s3 = new FakeS3();
    s3.validKeys.add("key-0");
    const controller = new AbortController();
    const upload = new ResumableUpload({
      source: bufferSource(30 * MiB),
      grant: grant(0),
      refresh: async () => grant(1),
      storeFor: (c) => s3.storeFor(c),
      partSize: 5 * MiB,
      concurrency: 1,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.partsDone === 2) controller.abort();
      },
    });

    await expect(upload.run()).rejects.toMatchObject({ name: "InterruptedError", exitCode: 130 });
    expect([...s3.partsStored.keys()]).toEqual([1, 2]);
    expect(s3.aborted).toEqual(["upload-1"]);
    expect(s3.objects.size).toBe(0);
  });
});
