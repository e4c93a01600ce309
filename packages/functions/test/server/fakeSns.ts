import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A stand-in SNS Query API that records every Publish (message body and attributes). */
export interface FakeSns {
  readonly url: string;
  readonly published: { message: string; attributes: Record<string, string> }[];
  close(): Promise<void>;
}

/** Starts the fake on a free port. */
export async function startFakeSns(): Promise<FakeSns> {
  const published: FakeSns["published"] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      const params = new URLSearchParams(raw);
      const attributes: Record<string, string> = {};
      for (let i = 1; params.has(`MessageAttributes.entry.${i}.Name`); i += 1) {
        attributes[params.get(`MessageAttributes.entry.${i}.Name`) ?? ""] =
          params.get(`MessageAttributes.entry.${i}.Value.StringValue`) ?? "";
      }
      published.push({ message: params.get("Message") ?? "", attributes });
      const ns = "http://sns.amazonaws.com/doc/2010-03-31/";
      res.writeHead(200, { "content-type": "text/xml" });
      res.end(
        `<?xml version="1.0"?>\n<PublishResponse xmlns="${ns}"><PublishResult><MessageId>m-${published.length}</MessageId></PublishResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></PublishResponse>`,
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, published, close: () => new Promise<void>((r) => server.close(() => r())) };
}
