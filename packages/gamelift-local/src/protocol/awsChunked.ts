/**
 * Decodes an `aws-chunked` body (SigV4 streaming uploads, with or without trailing checksums):
 * `<hex size>[;chunk-signature=...]\r\n<data>\r\n` ... `0[;...]\r\n[trailers]\r\n`.
 */
export function decodeAwsChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let pos = 0;
  while (pos < body.length) {
    const eol = body.indexOf("\r\n", pos);
    if (eol < 0) throw new Error("malformed aws-chunked body");
    const size = Number.parseInt(body.subarray(pos, eol).toString("latin1").split(";")[0] ?? "", 16);
    if (Number.isNaN(size)) throw new Error("malformed aws-chunked chunk size");
    if (size === 0) break;
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    pos = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
