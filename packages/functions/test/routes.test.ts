/**
 * The route table's own invariants: what infra, the local stage and the client key on is unique.
 * (That each handler exists and is deployed is infra/test/handlers.test.ts; that each player route is
 * a client operation is the type checker's, doubled by packages/client/test/openapi.)
 */
import { describe, expect, it } from "vitest";
import { invoked, realtime, routes, schedules, subscribers } from "../src/routes.js";

const duplicates = (values: string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);

describe("routes.ts", () => {
  it("names each route by a unique operationId and a unique method and path", () => {
    expect(duplicates(routes.map((r) => r.operationId))).toEqual([]);
    expect(duplicates(routes.map((r) => `${r.method} ${r.path}`))).toEqual([]);
  });

  it("is plain data: every table survives a JSON round trip unchanged", () => {
    for (const table of [routes, subscribers, schedules, invoked, realtime]) {
      expect(JSON.parse(JSON.stringify(table))).toEqual(table);
    }
  });
});
