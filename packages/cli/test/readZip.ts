import yauzl from "yauzl";

/** One entry of a zip, read fully. */
export interface ZipEntryData {
  readonly data: Buffer;
  /** Unix mode from the external attributes. */
  readonly mode: number;
}

/** Reads every file entry of a zip, from a file or from memory (for tests). */
export function readZip(source: string | Buffer): Promise<Map<string, ZipEntryData>> {
  return new Promise((resolve, reject) => {
    const opened = (err: Error | null, zip: yauzl.ZipFile): void => {
      if (err !== null) {
        reject(err);
        return;
      }
      const entries = new Map<string, ZipEntryData>();
      zip.on("error", reject);
      zip.on("end", () => resolve(entries));
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr !== null) return reject(streamErr);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("error", reject);
          stream.on("end", () => {
            entries.set(entry.fileName, {
              data: Buffer.concat(chunks),
              mode: (entry.externalFileAttributes >>> 16) & 0o7777,
            });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    };
    if (typeof source === "string") yauzl.open(source, { lazyEntries: true }, (err, zip) => opened(err, zip));
    else yauzl.fromBuffer(source, { lazyEntries: true }, (err, zip) => opened(err, zip));
  });
}
