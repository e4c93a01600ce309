import { z } from "zod";
import { describe, expect, it } from "vitest";
import { parseInput } from "../../src/operations/defineOperation.js";

const schema = z.object({
  FleetId: z.string().regex(/^fleet-\S+$/),
  Name: z.string().min(1).max(4),
  Count: z.number().int().min(1),
  Mode: z.enum(["A", "B"]),
  Items: z.array(z.object({ LaunchPath: z.string().min(1) })).optional(),
});

const messageOf = (input: unknown): string => {
  try {
    parseInput(schema, input);
    return "";
  } catch (err) {
    expect(err).toMatchObject({ name: "InvalidRequestException", status: 400 });
    return (err as Error).message;
  }
};

describe("member validation messages", () => {
  it.each([
    [
      { FleetId: "x", Name: "a", Count: 1, Mode: "A" },
      "1 validation error detected: Value 'x' at 'fleetId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^fleet-\\S+$",
    ],
    [
      { FleetId: "fleet-1", Name: "", Count: 1, Mode: "A" },
      "1 validation error detected: Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ],
    [
      { FleetId: "fleet-1", Name: "abcde", Count: 1, Mode: "A" },
      "1 validation error detected: Value 'abcde' at 'name' failed to satisfy constraint: Member must have length less than or equal to 4",
    ],
    [
      { FleetId: "fleet-1", Name: "a", Count: 0, Mode: "A" },
      "1 validation error detected: Value '0' at 'count' failed to satisfy constraint: Member must have value greater than or equal to 1",
    ],
    [
      { FleetId: "fleet-1", Name: "a", Count: 1, Mode: "C" },
      "1 validation error detected: Value 'C' at 'mode' failed to satisfy constraint: Member must satisfy enum value set: [A, B]",
    ],
    [
      { Name: "a", Count: 1, Mode: "A" },
      "1 validation error detected: Value null at 'fleetId' failed to satisfy constraint: Member must not be null",
    ],
    [
      { FleetId: "fleet-1", Name: "a", Count: 1, Mode: "A", Items: [{ LaunchPath: "ok" }, { LaunchPath: "" }] },
      "1 validation error detected: Value '' at 'items.2.member.launchPath' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ],
  ])("reports %j", (input, message) => {
    expect(messageOf(input)).toBe(message);
  });

  it("counts and joins several failures", () => {
    expect(messageOf({ FleetId: "x", Name: "", Count: 1, Mode: "A" })).toMatch(
      /^2 validation errors detected: Value 'x' at 'fleetId' .*; Value '' at 'name' /,
    );
  });
});
