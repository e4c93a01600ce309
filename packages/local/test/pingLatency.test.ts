import { describe, expect, it } from "vitest";
import { parsePingLatency, pingBeaconsOf } from "../src/pingLatency.js";

describe("the stage's ping beacon delays", () => {
  it("parses --ping-latency and refuses what is not <location>=<ms>", () => {
    expect(parsePingLatency("us-east-1=20, eu-west-1=90,default=80")).toEqual({
      "us-east-1": 20,
      "eu-west-1": 90,
      default: 80,
    });
    expect(() => parsePingLatency("eu-west-1=fast")).toThrow(/<location>=<ms>/);
    expect(() => parsePingLatency("eu-west-1=70000")).toThrow(/0\.\.60000/);
  });

  it("defaults to 20 ms for the stage's Region and 80 ms elsewhere; `default` changes the rest", () => {
    expect(pingBeaconsOf("us-east-1")).toEqual({ latencyMs: { "us-east-1": 20 }, defaultLatencyMs: 80 });
    expect(pingBeaconsOf("us-east-1", { "eu-west-1": 90, default: 150 })).toEqual({
      latencyMs: { "us-east-1": 20, "eu-west-1": 90 },
      defaultLatencyMs: 150,
    });
  });
});
