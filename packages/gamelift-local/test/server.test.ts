import { DescribeVpcPeeringConnectionsCommand, GameLiftServiceException } from "@aws-sdk/client-gamelift";
import { decode } from "cbor-x";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./helpers.js";

describe("GameLift emulator server", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
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
      const err = await client.send(new DescribeVpcPeeringConnectionsCommand({ FleetId: "nope" })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GameLiftServiceException);
      expect((err as GameLiftServiceException).name).toBe("InvalidRequestException");
      expect((err as GameLiftServiceException).message).toBe(
        "1 validation error detected: Value at 'fleetId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z]*fleet-[a-zA-Z0-9-]+$",
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
});
