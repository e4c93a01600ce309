import { describe, expect, it } from "vitest";
import { decodeAwsChunked } from "../../src/protocol/awsChunked.js";

describe("aws-chunked bodies", () => {
  it("decodes signed chunks with trailing checksums", () => {
    const body = Buffer.from(
      "5;chunk-signature=abc\r\nhello\r\n6;chunk-signature=def\r\n world\r\n0;chunk-signature=0\r\nx-amz-checksum-crc32:AAAA\r\n\r\n",
    );
    expect(decodeAwsChunked(body).toString()).toBe("hello world");
  });

  it("decodes unsigned chunks", () => {
    expect(decodeAwsChunked(Buffer.from("3\r\nabc\r\n0\r\n\r\n")).toString()).toBe("abc");
  });

  it("rejects a malformed chunk size", () => {
    expect(() => decodeAwsChunked(Buffer.from("zz\r\nabc\r\n"))).toThrow(/malformed/);
  });
});
