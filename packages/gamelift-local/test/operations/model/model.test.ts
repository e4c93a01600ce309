import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  constraintsPath,
  findServiceModel,
  generateConstraints,
  readServiceModel,
} from "../../../scripts/generateConstraints.js";
import { createInProcessEmulator } from "../../../src/inProcess.js";
import { operationInputs } from "../../../src/operations/model/constraints.generated.js";
import { requestViolations } from "../../../src/operations/model/validate.js";
import { operations } from "../../../src/operations/index.js";
import { sweepCases, type SweepCase } from "./modelSweep.js";

const modelPath = findServiceModel();
if (!modelPath)
  console.warn(
    "NOTICE: GameLift's service model (botocore) is not on this machine; the regeneration check is skipped.",
  );

describe("the constraints module", () => {
  it.skipIf(!modelPath)("is what the generator makes from the service model today (regenerate when this fails)", () => {
    expect(generateConstraints(readServiceModel(modelPath as string))).toBe(readFileSync(constraintsPath, "utf8"));
  });

  it("covers every operation the emulator serves (but its own extensions)", () => {
    // StopMatchBackfill mirrors the Server SDK call; the service API has no such operation.
    expect(Object.keys(operations).filter((op) => !(op in operationInputs))).toEqual(["StopMatchBackfill"]);
  });
});

/** Documented service-side requirements the model does not state; the baseline supplies them. */
const baselineExtras: Record<string, Record<string, unknown>> = {
  StartMatchmaking: { Players: [{ PlayerId: "p1" }] },
  StartMatchBackfill: { Players: [{ PlayerId: "p1" }] },
};

describe("a model-driven sweep of invalid requests", () => {
  const served = Object.keys(operations).filter((op) => op in operationInputs);
  const all = served.map((op) => ({ op, ...sweepCases(op) }));

  it("generates invalid requests for every served operation", () => {
    const counts = all.map((a) => a.cases.length);
    expect(counts.every((n) => n > 0)).toBe(true);
    console.log(`model sweep: ${counts.reduce((a, b) => a + b, 0)} invalid requests over ${all.length} operations`);
  });

  it.each(all.map((a) => [a.op, a] as const))(
    "%s: the valid baseline passes validation; every invalid request is refused as GameLift refuses it",
    async (op, { baseline, cases }) => {
      const emulator = createInProcessEmulator();
      const base = { ...baseline, ...baselineExtras[op] };
      expect(requestViolations(op, base)).toEqual([]);
      const baseErr = await emulator.call(op, base).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      // Accepted by validation: it may still fail for what does not exist (NotFoundException, ...).
      if (baseErr) expect(`${baseErr.name}: ${baseErr.message}`).not.toMatch(/validation error|SerializationException/);
      const wrong: string[] = [];
      for (const c of cases as SweepCase[]) {
        const err = await emulator.call(op, c.input).then(
          () => undefined,
          (e: unknown) => e as Error,
        );
        const ok =
          err?.name === c.expect &&
          (c.expect === "SerializationException" ||
            /^\d+ validation errors? detected: Value (null|'.*') at '[a-zA-Z0-9.]+' failed to satisfy constraint: Member must /s.test(
              err.message,
            ));
        if (!ok) wrong.push(`${c.what} → ${err ? `${err.name}: ${err.message.slice(0, 120)}` : "accepted"}`);
      }
      expect(wrong).toEqual([]);
    },
  );
});

describe("on the wire", () => {
  it("answers a member of the wrong JSON or CBOR type with SerializationException, and a constraint violation with the value in GameLift's words", async () => {
    const { startHarness } = await import("../../helpers.js");
    const { Encoder, decode } = await import("cbor-x");
    const h = await startHarness();
    try {
      const json = await fetch(h.emulator.url, {
        method: "POST",
        headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "GameLift.ListFleets" },
        body: JSON.stringify({ Limit: "ten" }),
      });
      expect(json.status).toBe(400);
      expect(json.headers.get("x-amzn-errortype")).toBe("SerializationException");
      expect(await json.json()).toMatchObject({ __type: "SerializationException" });
      const cbor = await fetch(`${h.emulator.url}/service/GameLift/operation/DescribeFleetAttributes`, {
        method: "POST",
        headers: { "content-type": "application/cbor", "smithy-protocol": "rpc-v2-cbor" },
        body: new Encoder({ useRecords: false }).encode({ FleetIds: "fleet-1" }),
      });
      expect(cbor.status).toBe(400);
      expect(decode(Buffer.from(await cbor.arrayBuffer()))).toMatchObject({ __type: "SerializationException" });
      const queue = await h.json
        .send(new (await import("@aws-sdk/client-gamelift")).DescribeGameSessionQueuesCommand({ Names: ["arena/x"] }))
        .catch((e: unknown) => e);
      // The name-or-ARN pattern holds for the whole value (a name followed by anything else fails).
      expect(queue).toMatchObject({
        name: "InvalidRequestException",
        message:
          "1 validation error detected: Value 'arena/x' at 'names.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-]+|^arn:.*:gamesessionqueue\\/[a-zA-Z0-9-]+",
      });
    } finally {
      await h.emulator.close();
    }
  });
});
