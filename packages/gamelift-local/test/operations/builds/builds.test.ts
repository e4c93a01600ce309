import {
  CreateBuildCommand,
  CreateFleetCommand,
  CreateScriptCommand,
  DeleteBuildCommand,
  DeleteScriptCommand,
  DescribeBuildCommand,
  DescribeScriptCommand,
  ListBuildsCommand,
  ListFleetsCommand,
  ListScriptsCommand,
  RequestUploadCredentialsCommand,
  UpdateBuildCommand,
  UpdateScriptCommand,
  type GameLiftClient,
} from "@aws-sdk/client-gamelift";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../../helpers.js";
import { putObject, s3ErrorCode, s3Request } from "../../s3helpers.js";

describe("builds and scripts", () => {
  let h: Harness;
  let gl: GameLiftClient;
  let s3: string;
  beforeEach(async () => {
    h = await startHarness({ s3: { port: 0 }, uploadCredentialsTtlMs: 60_000 });
    gl = h.json;
    s3 = h.emulator.s3Url ?? "";
  });
  afterEach(async () => {
    await h.emulator.close();
  });

  it("creates a build with upload credentials; it turns READY once its object is uploaded", async () => {
    const out = await gl.send(
      new CreateBuildCommand({ Name: "server", Version: "1", OperatingSystem: "AMAZON_LINUX_2023" }),
    );
    const buildId = out.Build?.BuildId ?? "";
    expect(out.Build).toMatchObject({
      Status: "INITIALIZED",
      SizeOnDisk: 0,
      ServerSdkVersion: "4.0.2",
      BuildArn: `arn:aws:gamelift:us-east-1:123456789012:build/${buildId}`,
    });
    expect(out.StorageLocation).toEqual({
      Bucket: "gamelift-builds-us-east-1-123456789012",
      Key: `123456789012/${buildId}`,
    });
    expect(out.StorageLocation?.Bucket).not.toContain(".");
    expect(out.UploadCredentials?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    await h.advance(100);
    expect((await gl.send(new DescribeBuildCommand({ BuildId: buildId }))).Build?.Status).toBe("INITIALIZED");

    const put = await putObject(
      s3,
      out.StorageLocation?.Bucket ?? "",
      out.StorageLocation?.Key ?? "",
      "zip-bytes",
      out.UploadCredentials ?? {},
    );
    expect(put.status).toBe(200);
    await h.advance(100);
    expect((await gl.send(new DescribeBuildCommand({ BuildId: buildId }))).Build).toMatchObject({
      Status: "READY",
      SizeOnDisk: 9,
    });
    const fleet = await gl.send(new CreateFleetCommand({ Name: "f", BuildId: buildId, EC2InstanceType: "c5.large" }));
    expect(fleet.FleetAttributes).toMatchObject({ BuildId: buildId, OperatingSystem: "AMAZON_LINUX_2023" });
    expect((await gl.send(new ListFleetsCommand({ BuildId: buildId }))).FleetIds).toEqual([
      fleet.FleetAttributes?.FleetId,
    ]);
  });

  it("stores the decoded content of an aws-chunked streaming upload", async () => {
    const out = await gl.send(new CreateBuildCommand({ Name: "chunked" }));
    const { Bucket = "", Key = "" } = out.StorageLocation ?? {};
    const res = await fetch(`${s3}/${Bucket}/${Key}`, {
      method: "PUT",
      body: "4;chunk-signature=aa\r\nzip!\r\n0;chunk-signature=bb\r\n\r\n",
      headers: {
        authorization: `AWS4-HMAC-SHA256 Credential=${out.UploadCredentials?.AccessKeyId ?? ""}/20260501/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00`,
        "x-amz-security-token": out.UploadCredentials?.SessionToken ?? "",
        "x-amz-content-sha256": "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
        "content-encoding": "aws-chunked",
        "x-amz-decoded-content-length": "4",
      },
    });
    expect(res.status).toBe(200);
    await h.advance(100);
    expect((await gl.send(new DescribeBuildCommand({ BuildId: out.Build?.BuildId }))).Build).toMatchObject({
      Status: "READY",
      SizeOnDisk: 4,
    });
  });

  it("stays INITIALIZED during a multipart upload and is READY with the full size once it completes", async () => {
    const out = await gl.send(new CreateBuildCommand({ Name: "multipart" }));
    const cred = out.UploadCredentials ?? {};
    const url = `${s3}/${out.StorageLocation?.Bucket ?? ""}/${out.StorageLocation?.Key ?? ""}`;
    const started = await s3Request(`${url}?uploads`, "POST", undefined, cred);
    const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(await started.text())?.[1] ?? "";
    const sizes = [5 * 1024 * 1024, 1000];
    const etags: string[] = [];
    for (const [i, size] of sizes.entries()) {
      const part = await s3Request(
        `${url}?partNumber=${i + 1}&uploadId=${uploadId}`,
        "PUT",
        Buffer.alloc(size, i),
        cred,
      );
      expect(part.status).toBe(200);
      etags.push(part.headers.get("etag") ?? "");
    }
    await h.advance(200);
    expect((await gl.send(new DescribeBuildCommand({ BuildId: out.Build?.BuildId }))).Build?.Status).toBe(
      "INITIALIZED",
    );
    const parts = etags.map((e, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${e}</ETag></Part>`).join("");
    const done = await s3Request(
      `${url}?uploadId=${uploadId}`,
      "POST",
      `<CompleteMultipartUpload>${parts}</CompleteMultipartUpload>`,
      cred,
    );
    expect(done.status).toBe(200);
    await h.advance(100);
    expect((await gl.send(new DescribeBuildCommand({ BuildId: out.Build?.BuildId }))).Build).toMatchObject({
      Status: "READY",
      SizeOnDisk: 5 * 1024 * 1024 + 1000,
    });
  });

  it("refuses a fleet from a build that is not READY", async () => {
    const out = await gl.send(new CreateBuildCommand({ Name: "server" }));
    await expect(
      gl.send(new CreateFleetCommand({ Name: "f", BuildId: out.Build?.BuildId, EC2InstanceType: "c5.large" })),
    ).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
  });

  it("refuses expired upload credentials with ExpiredToken, and fresh ones work", async () => {
    const out = await gl.send(new CreateBuildCommand({ Name: "server" }));
    const { Bucket = "", Key = "" } = out.StorageLocation ?? {};
    h.clock.advance(60_000);
    const expired = await putObject(s3, Bucket, Key, "x", out.UploadCredentials ?? {});
    expect([expired.status, await s3ErrorCode(expired)]).toEqual([400, "ExpiredToken"]);
    const fresh = await gl.send(new RequestUploadCredentialsCommand({ BuildId: out.Build?.BuildArn }));
    expect(fresh.StorageLocation).toMatchObject({ Bucket, Key });
    expect(fresh.UploadCredentials?.AccessKeyId).not.toBe(out.UploadCredentials?.AccessKeyId);
    expect((await putObject(s3, Bucket, Key, "x", fresh.UploadCredentials ?? {})).status).toBe(200);
  });

  it("refuses another build's key, another bucket, a wrong token and unknown keys", async () => {
    const a = await gl.send(new CreateBuildCommand({ Name: "a" }));
    const b = await gl.send(new CreateBuildCommand({ Name: "b" }));
    const bucket = a.StorageLocation?.Bucket ?? "";
    const cred = a.UploadCredentials ?? {};
    const other = await putObject(s3, bucket, b.StorageLocation?.Key ?? "", "x", cred);
    expect([other.status, await s3ErrorCode(other)]).toEqual([403, "AccessDenied"]);
    const wrongBucket = await putObject(s3, "elsewhere", a.StorageLocation?.Key ?? "", "x", cred);
    expect(await s3ErrorCode(wrongBucket)).toBe("AccessDenied");
    const badToken = await putObject(s3, bucket, a.StorageLocation?.Key ?? "", "x", { ...cred, SessionToken: "nope" });
    expect(await s3ErrorCode(badToken)).toBe("InvalidToken");
    const unknown = await putObject(s3, bucket, a.StorageLocation?.Key ?? "", "x", { AccessKeyId: "ASIAUNKNOWN" });
    expect(await s3ErrorCode(unknown)).toBe("InvalidAccessKeyId");
    const anonymous = await fetch(`${s3}/${bucket}/${a.StorageLocation?.Key ?? ""}`, { method: "PUT", body: "x" });
    expect([anonymous.status, await s3ErrorCode(anonymous)]).toEqual([403, "AccessDenied"]);
  });

  it("makes a build in the caller's own bucket READY without an upload", async () => {
    const out = await gl.send(
      new CreateBuildCommand({
        Name: "own",
        StorageLocation: { Bucket: "my-builds", Key: "server.zip", RoleArn: "arn:aws:iam::123456789012:role/gl" },
      }),
    );
    expect(out.UploadCredentials).toBeUndefined();
    await h.advance(100);
    expect((await gl.send(new DescribeBuildCommand({ BuildId: out.Build?.BuildId }))).Build).toMatchObject({
      Status: "READY",
      SizeOnDisk: 0,
    });
    await expect(
      gl.send(new CreateBuildCommand({ StorageLocation: { Bucket: "my.builds", Key: "k" } })),
    ).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
  });

  it("lists, updates and deletes builds", async () => {
    const ids = [];
    for (const Name of ["a", "b", "c"]) ids.push((await gl.send(new CreateBuildCommand({ Name }))).Build?.BuildId);
    const page = await gl.send(new ListBuildsCommand({ Limit: 2 }));
    expect(page.Builds?.map((b) => b.BuildId)).toEqual(ids.slice(0, 2));
    expect((await gl.send(new ListBuildsCommand({ NextToken: page.NextToken }))).Builds?.map((b) => b.BuildId)).toEqual(
      ids.slice(2),
    );
    expect((await gl.send(new ListBuildsCommand({ Status: "READY" }))).Builds).toEqual([]);
    const updated = await gl.send(new UpdateBuildCommand({ BuildId: ids[0], Name: "renamed", Version: "2" }));
    expect(updated.Build).toMatchObject({ Name: "renamed", Version: "2" });
    await gl.send(new DeleteBuildCommand({ BuildId: ids[0] }));
    await expect(gl.send(new DescribeBuildCommand({ BuildId: ids[0] }))).rejects.toMatchObject({
      name: "NotFoundException",
    });
  });

  it("creates, lists, updates and deletes Realtime scripts from a zip", async () => {
    const zip = new Uint8Array([80, 75, 3, 4, 1, 2, 3]);
    for (const client of [h.json, h.cbor]) {
      const out = await client.send(new CreateScriptCommand({ Name: "rt", Version: "1", ZipFile: zip }));
      expect(out.Script).toMatchObject({ SizeOnDisk: 7, NodeJsVersion: "10.x", Name: "rt" });
      expect(out.Script?.ScriptId).toMatch(/^script-/);
      const ScriptId = out.Script?.ScriptId;
      const up = await client.send(new UpdateScriptCommand({ ScriptId, Version: "2", ZipFile: new Uint8Array(3) }));
      expect(up.Script).toMatchObject({ Version: "2", SizeOnDisk: 3 });
      expect((await client.send(new DescribeScriptCommand({ ScriptId }))).Script?.Version).toBe("2");
      expect((await client.send(new ListScriptsCommand({}))).Scripts?.map((s) => s.ScriptId)).toContain(ScriptId);
      await client.send(new DeleteScriptCommand({ ScriptId }));
      await expect(client.send(new DescribeScriptCommand({ ScriptId }))).rejects.toMatchObject({
        name: "NotFoundException",
      });
    }
    await expect(gl.send(new CreateScriptCommand({ Name: "empty" }))).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
  });
});
