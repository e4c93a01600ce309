import { describe, expect, it } from "vitest";
import {
  matches,
  sortSessions,
  type SearchableSession,
} from "../../../../src/operations/sessions/search/evaluateSearch.js";
import { parseFilter, parseSort } from "../../../../src/operations/sessions/search/parseSearch.js";

const session = (over: Partial<SearchableSession> = {}): SearchableSession => ({
  gameSessionName: "arena",
  gameSessionId: "arn:aws:gamelift:us-east-1::gamesession/fleet-1/gsess-1",
  maximumSessions: 4,
  creationTimeMillis: 1_000,
  playerSessionCount: 1,
  hasAvailablePlayerSessions: true,
  properties: { mode: "duel", level: "7" },
  ...over,
});

describe("SearchGameSessions expressions", () => {
  it.each([
    ["maximumSessions = 4", true],
    ["maximumSessions <> 4", false],
    ["playerSessionCount < 2", true],
    ["playerSessionCount >= 2", false],
    ["creationTimeMillis > 999", true],
    ["creationTimeMillis <= 999", false],
    ["gameSessionName = 'arena'", true],
    ["gameSessionName = 'Arena'", false],
    ['gameSessionProperties.mode = "duel"', true],
    ["gameSessionProperties.level = 7", true],
    ["gameSessionProperties.missing = 'x'", false],
    ["gameSessionProperties.missing <> 'x'", false],
    ["hasAvailablePlayerSessions = true", true],
    ["hasAvailablePlayerSessions = FALSE", false],
    ["NOT maximumSessions = 4", false],
    ["maximumSessions = 1 OR maximumSessions = 4 AND playerSessionCount = 1", true],
    ["(maximumSessions = 1 OR maximumSessions = 4) AND playerSessionCount = 2", false],
    ["NOT (maximumSessions = 1) and playerSessionCount = 1", true],
    ["gameSessionName = 'it\\'s'", false],
    ["gameSessionProperties.a.b = 'x'", false],
  ])("%s → %s", (expr, expected) => {
    expect(matches(session(), parseFilter(expr))).toBe(expected);
  });

  it("reads backslash escapes inside quoted strings", () => {
    expect(matches(session({ gameSessionName: "it's" }), parseFilter("gameSessionName = 'it\\'s'"))).toBe(true);
  });

  it.each([
    "maximumSessions",
    "maximumSessions = ",
    "maximumSessions = 4 AND",
    "(maximumSessions = 4",
    "foo = 1",
    "maximumSessions ! 4",
    "gameSessionName = 'x",
  ])("rejects the malformed expression %s", (expr) => {
    expect(() => parseFilter(expr)).toThrow(/Invalid search expression/);
  });

  it.each(["gameSessionName < 'b'", "hasAvailablePlayerSessions = 1", "playerSessionCount = 'one'"])(
    "rejects the ill-typed comparison %s",
    (expr) => {
      expect(() => matches(session(), parseFilter(expr))).toThrow(/Invalid search expression/);
    },
  );

  it("sorts ascending or descending with nulls last", () => {
    const a = session({ gameSessionName: "a", properties: { rank: "2" } });
    const b = session({ gameSessionName: "b", properties: {} });
    const c = session({ gameSessionName: "c", properties: { rank: "1" } });
    const names = (xs: SearchableSession[]): (string | undefined)[] => xs.map((x) => x.gameSessionName);
    expect(names(sortSessions([a, b, c], parseSort("gameSessionProperties.rank ASC")))).toEqual(["c", "a", "b"]);
    expect(names(sortSessions([a, b, c], parseSort("gameSessionProperties.rank desc")))).toEqual(["a", "c", "b"]);
    expect(() => parseSort("gameSessionName UP")).toThrow(/Invalid search expression/);
  });
});
