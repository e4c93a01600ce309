import type { CompletedPart, PartStore, UploadSource } from "../../src/upload/types.js";
import type { StorageLocation, UploadCredentials } from "../../src/types.js";

/** An S3 error as the SDK throws it. */
export function s3Error(name: string): Error {
  const err = new Error(`${name} (fake)`);
  err.name = name;
  return err;
}

/**
 * An in-memory S3 that accepts only the access keys in `validKeys`; a refused key throws
 * `refusal` (ExpiredToken by default). Counts every attempt and every stored part.
 */
export class FakeS3 {
  public readonly validKeys = new Set<string>();
  public refusal = "ExpiredToken";
  public readonly objects = new Map<string, Buffer>();
  public readonly partAttempts = new Map<number, number>();
  public readonly partsStored = new Map<number, number>();
  public readonly aborted: string[] = [];
  public readonly calls: string[] = [];
  public failPart: { partNumber: number; error: Error } | undefined;
  readonly #uploads = new Map<string, Map<number, Buffer>>();
  #nextUpload = 1;

  public storeFor(credentials: UploadCredentials): PartStore {
    const check = async (call: string): Promise<void> => {
      await Promise.resolve();
      this.calls.push(`${call}:${credentials.accessKeyId}`);
      if (!this.validKeys.has(credentials.accessKeyId)) throw s3Error(this.refusal);
    };
    const key = (l: StorageLocation): string => `${l.bucket}/${l.key}`;
    return {
      putObject: async (location, body) => {
        await check("put");
        this.objects.set(key(location), Buffer.from(body));
      },
      createMultipartUpload: async () => {
        await check("create");
        const id = `upload-${this.#nextUpload++}`;
        this.#uploads.set(id, new Map());
        return id;
      },
      uploadPart: async (_location, uploadId, partNumber, body) => {
        this.partAttempts.set(partNumber, (this.partAttempts.get(partNumber) ?? 0) + 1);
        await check(`part${partNumber}`);
        if (this.failPart?.partNumber === partNumber) throw this.failPart.error;
        this.#uploads.get(uploadId)?.set(partNumber, Buffer.from(body));
        this.partsStored.set(partNumber, (this.partsStored.get(partNumber) ?? 0) + 1);
        return `"etag-${partNumber}"`;
      },
      completeMultipartUpload: async (location, uploadId, parts: readonly CompletedPart[]) => {
        await check("complete");
        const stored = this.#uploads.get(uploadId);
        if (stored === undefined) throw s3Error("NoSuchUpload");
        this.objects.set(key(location), Buffer.concat(parts.map((p) => stored.get(p.partNumber) ?? Buffer.alloc(0))));
      },
      abortMultipartUpload: async (_location, uploadId) => {
        this.aborted.push(uploadId);
      },
    };
  }
}

/** An in-memory source of `size` patterned bytes. */
export function bufferSource(size: number): UploadSource & { readonly bytes: Buffer } {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >> 8)) & 0xff;
  return { size, bytes, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}
