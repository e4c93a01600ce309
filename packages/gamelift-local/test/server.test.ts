import { DescribeVpcPeeringConnectionsCommand, GameLiftServiceException } from "@aws-sdk/client-gamelift";
import { decode } from "cbor-x";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InternalServiceException, NotFoundException } from "../src/errors.js";
import { startHarness, type Harness } from "./helpers.js";

describe("GameLift emulator server", () => {
  let h: Harness;
  const faults: [unknown, string][] = [];
  beforeAll(async () => {
    h = await startHarness({
      onError: (err, where) => void faults.push([err, where]),
      extraOperations: {
        Explode: () => {
          throw new TypeError("boom");
        },
        Unavailable: () => {
          throw new InternalServiceException("try later");
        },
        Missing: () => {
          throw new NotFoundException("no such thing");
        },
        Stamp: () => ({ When: new Date(1_500), Bytes: new Uint8Array([1, 2]), Gone: undefined }),
      },
    });
  });
  afterAll(async () => {
    await h.emulator.close();
  });

  it("serves an operation to the SDK over JSON 1.1 and RPC v2 CBOR", async () => {
    for (const client of [h.json, h.cbor]) {
      const out = await client.send(new DescribeVpcPeeringConnectionsCommand({}));
      expect(out.VpcPeeringConnections).toEqual([]);
    }
  });

  it("reports member validation failures as InvalidRequestException naming the member", async () => {
    for (const client of [h.json, h.cbor]) {
      const err = await client
        .send(new DescribeVpcPeeringConnectionsCommand({ FleetId: "nope" }))
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GameLiftServiceException);
      expect((err as GameLiftServiceException).name).toBe("InvalidRequestException");
      expect((err as GameLiftServiceException).message).toBe(
        "1 validation error detected: Value 'nope' at 'fleetId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z]*fleet-[a-zA-Z0-9\\-]+",
      );
      expect((err as GameLiftServiceException).$metadata.httpStatusCode).toBe(400);
    }
  });

  it("answers an unknown JSON operation with UnknownOperationException and a request id", async () => {
    const res = await fetch(h.emulator.url, {
      method: "POST",
      headers: { "x-amz-target": "GameLift.NoSuchThing", "content-type": "application/x-amz-json-1.1" },
      body: "{}",
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("x-amzn-requestid")).toMatch(/\S+/);
    expect(await res.json()).toMatchObject({ __type: "UnknownOperationException" });
  });

  it("answers an unknown CBOR operation in CBOR with the smithy-protocol header", async () => {
    const res = await fetch(`${h.emulator.url}/service/GameLift/operation/NoSuchThing`, {
      method: "POST",
      headers: { "smithy-protocol": "rpc-v2-cbor", accept: "application/cbor" },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("smithy-protocol")).toBe("rpc-v2-cbor");
    expect(res.headers.get("content-type")).toBe("application/cbor");
    expect(decode(Buffer.from(await res.arrayBuffer()))).toMatchObject({ __type: "UnknownOperationException" });
  });

  it("rejects a malformed JSON body with SerializationException", async () => {
    const res = await fetch(h.emulator.url, {
      method: "POST",
      headers: { "x-amz-target": "GameLift.DescribeVpcPeeringConnections" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ __type: "SerializationException" });
  });

  const post = (op: string): Promise<Response> =>
    fetch(h.emulator.url, { method: "POST", headers: { "x-amz-target": `GameLift.${op}` }, body: "{}" });

  it("turns an unexpected exception into a 500 InternalServiceException and reports it", async () => {
    const res = await post("Explode");
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ __type: "InternalServiceException", message: "An internal error occurred." });
    expect(faults).toEqual([[new TypeError("boom"), "Explode"]]);
  });

  it("answers InternalServiceException with 500 and other GameLift errors with 400", async () => {
    const unavailable = await post("Unavailable");
    expect([unavailable.status, await unavailable.json()]).toEqual([
      500,
      { __type: "InternalServiceException", message: "try later" },
    ]);
    const missing = await post("Missing");
    expect([missing.status, missing.headers.get("x-amzn-errortype"), await missing.json()]).toEqual([
      400,
      "NotFoundException",
      { __type: "NotFoundException", message: "no such thing" },
    ]);
  });

  it("encodes dates as epoch seconds and bytes as base64 in JSON, tag 1 and byte strings in CBOR", async () => {
    const json = await post("Stamp");
    expect(await json.json()).toEqual({ When: 1.5, Bytes: "AQI=" });
    const res = await fetch(`${h.emulator.url}/service/GameLift/operation/Stamp`, {
      method: "POST",
      headers: { "smithy-protocol": "rpc-v2-cbor" },
    });
    const raw = Buffer.from(await res.arrayBuffer());
    expect(raw.includes(Buffer.from([0xc1, 0xfb]))).toBe(true); // tag 1 + float64
    expect(decode(raw)).toEqual({ When: new Date(1_500), Bytes: Buffer.from([1, 2]) });
  });
});
