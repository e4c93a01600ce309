import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { constraintsPath, findServiceModel, generateConstraints, readServiceModel } from "../scripts/generateConstraints.js";
import { createInProcessEmulator } from "../src/inProcess.js";
import { operationInputs } from "../src/operations/model/constraints.generated.js";
import { requestViolations } from "../src/operations/model/validate.js";
import { operations } from "../src/operations/index.js";
import { sweepCases, type SweepCase } from "./modelSweep.js";

const modelPath = findServiceModel();
if (!modelPath) console.warn("NOTICE: GameLift's service model (botocore) is not on this machine; the regeneration check is skipped.");

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

  it.each(all.map((a) => [a.op, a] as const))("%s: the valid baseline passes validation; every invalid request is refused as GameLift refuses it", async (op, { baseline, cases }) => {
    const emulator = createInProcessEmulator();
    const base = { ...baseline, ...baselineExtras[op] };
    expect(requestViolations(op, base)).toEqual([]);
    const baseErr = await emulator.call(op, base).then(() => undefined, (e: unknown) => e as Error);
    // Accepted by validation: it may still fail for what does not exist (NotFoundException, ...).
    if (baseErr) expect(`${baseErr.name}: ${baseErr.message}`).not.toMatch(/validation error|SerializationException/);
    const wrong: string[] = [];
    for (const c of cases as SweepCase[]) {
      const err = await emulator.call(op, c.input).then(() => undefined, (e: unknown) => e as Error);
      const ok = err?.name === c.expect && (c.expect === "SerializationException" || /^\d+ validation errors? detected: Value (null|'.*') at '[a-zA-Z0-9.]+' failed to satisfy constraint: Member must /s.test(err.message));
      if (!ok) wrong.push(`${c.what} → ${err ? `${err.name}: ${err.message.slice(0, 120)}` : "accepted"}`);
    }
    expect(wrong).toEqual([]);
  });
});
