import { describe, expect, it } from "vitest";
import { collections } from "../src/engines/state/collections.js";
import { Store } from "../src/store/Store.js";

describe("Store", () => {
  it("refills its collections in place on load, so collections opened before see the loaded records", () => {
    const store = new Store();
    const tickets = collections(store).matchmakingTickets;
    store.collection<number>("other").put("x", 1);
    const source = new Store();
    source.collection<{ n: number }>("matchmakingTickets").put("t-1", { n: 1 });
    store.load(JSON.parse(JSON.stringify(source.snapshot())) as Record<string, [string, unknown][]>);
    expect(tickets.get("t-1")).toEqual({ n: 1 });
    expect(collections(store).matchmakingTickets).toBe(tickets);
    expect(store.collection<number>("other").size).toBe(0);
  });
});
