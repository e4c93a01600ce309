/** Credentials as CreateBuild / RequestUploadCredentials return them. */
export interface UploadCredentials {
  AccessKeyId?: string;
  SecretAccessKey?: string;
  SessionToken?: string;
}

/**
 * PUTs an object through the local S3 proxy with SigV4-shaped headers. The proxy checks the
 * credential scope (key id, session token, expiry, bucket/key), not the signature itself.
 */
export async function putObject(
  endpoint: string,
  bucket: string,
  key: string,
  body: string,
  cred: UploadCredentials,
): Promise<Response> {
  return s3Request(`${endpoint}/${bucket}/${key}`, "PUT", body, cred);
}

/** Any S3 request through the proxy, with the credential headers of `cred`. */
export async function s3Request(
  url: string,
  method: string,
  body: string | Buffer | undefined,
  cred: UploadCredentials,
): Promise<Response> {
  return fetch(url, {
    method,
    body,
    headers: {
      authorization: `AWS4-HMAC-SHA256 Credential=${cred.AccessKeyId ?? ""}/20260501/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`,
      "x-amz-date": "20260501T120000Z",
      "x-amz-content-sha256": "UNSIGNED-PAYLOAD",
      "x-amz-security-token": cred.SessionToken ?? "",
    },
  });
}

/** The `<Code>` of an S3 XML error reply. */
export async function s3ErrorCode(res: Response): Promise<string | undefined> {
  return /<Code>([^<]+)<\/Code>/.exec(await res.text())?.[1];
}
