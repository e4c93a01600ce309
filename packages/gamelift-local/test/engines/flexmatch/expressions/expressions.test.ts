import { describe, expect, it } from "vitest";
import type {
  EvalPlayer,
  EvalTeam,
  EvalTicket,
  MatchView,
  Value,
} from "../../../../src/engines/flexmatch/expressions/context.js";
import { evaluate } from "../../../../src/engines/flexmatch/expressions/evaluate.js";
import { ExpressionSyntaxError, parseExpression } from "../../../../src/engines/flexmatch/expressions/parse.js";
import { attrs } from "../helpers.js";

type Attrs = Parameters<typeof attrs>[0];

/** A ticket of one or more players with the given attributes. */
const ticket = (id: string, ...members: Attrs[]): EvalPlayer[] => {
  const t: EvalTicket = { ticketId: id, players: [] };
  for (const [i, m] of members.entries()) {
    t.players.push({ kind: "player", playerId: `${id}${i}`, ticket: t, attributes: attrs(m) });
  }
  return t.players;
};

const team = (name: string, ...players: EvalPlayer[][]): EvalTeam => ({ name, base: name, players: players.flat() });

// red: skills 10, 20, 30 (a party of two: 20 and 30); blue: 40 and 60; green: nobody.
const match: MatchView = {
  teams: [
    team(
      "red",
      ticket("a", { skill: 10, maps: ["x", "y"], mode: "r" }),
      ticket("b", { skill: 20, maps: ["y"], mode: "r" }, { skill: 30, maps: ["y", "z"], mode: "c" }),
    ),
    team(
      "blue",
      ticket("c", { skill: 40, maps: ["y", "x"], mode: "r" }),
      ticket("d", { skill: 60, maps: ["y"], mode: "r" }),
    ),
    team("green"),
  ],
};

const ev = (text: string, agg: "avg" | "min" | "max" | "union" | "intersection" = "avg"): Value =>
  evaluate(parseExpression(text), match, agg);
const red = "teams[red].players.attributes[skill]";
const all = "teams[*].players.attributes[skill]";

describe("property expression paths", () => {
  it("selects one team's attribute values as a list", () => {
    expect(ev(red)).toEqual([10, 25, 25]); // the party (20, 30) stands in as its average
  });

  it("groups values by team for teams[*] and teams[a,b]", () => {
    expect(ev(all)).toEqual([[10, 25, 25], [40, 60], []]);
    expect(ev("teams[red,blue].players.attributes[skill]")).toEqual([
      [10, 25, 25],
      [40, 60],
    ]);
  });

  it("lists player ids and players", () => {
    expect(ev("teams[blue].players[playerId]")).toEqual(["c0", "d0"]);
    expect(ev("count(teams[blue].players)")).toBe(2);
  });

  it("accepts team[ as a synonym of teams[", () => {
    expect(ev("count(team[red].players)")).toBe(3);
  });

  it("applies party aggregation min and max", () => {
    expect(ev(red, "min")).toEqual([10, 20, 20]);
    expect(ev(red, "max")).toEqual([10, 30, 30]);
  });

  it("applies party aggregation union and intersection to string lists", () => {
    expect(ev("teams[red].players.attributes[maps]", "union")).toEqual([
      ["x", "y"],
      ["y", "z"],
      ["y", "z"],
    ]);
    expect(ev("teams[red].players.attributes[maps]", "intersection")).toEqual([["x", "y"], ["y"], ["y"]]);
  });

  it("never aggregates plain strings", () => {
    expect(ev("teams[red].players.attributes[mode]")).toEqual(["r", "r", "c"]);
  });
});

describe("aggregation functions", () => {
  const cases: [string, Value][] = [
    [`min(${red})`, 10],
    [`max(${red})`, 25],
    [`avg(${red})`, 20],
    [`median(${red})`, 25],
    [`median(teams[blue].players.attributes[skill])`, 50],
    [`sum(${red})`, 60],
    [`stddev(teams[blue].players.attributes[skill])`, 10],
    [`count(${red})`, 3],
    [`flatten(${all})`, [10, 25, 25, 40, 60]],
    [`avg(flatten(${all}))`, 32],
    [`set_intersection(flatten(teams[*].players.attributes[maps]))`, ["y"]],
  ];
  it.each(cases)("%s = %j", (text, expected) => {
    expect(ev(text)).toEqual(expected);
  });

  it("maps over a list of lists, one result per team", () => {
    expect(ev(`avg(${all})`)).toEqual([20, 50, NaN]);
    expect(ev(`min(${all})`)).toEqual([10, 40, NaN]);
    expect(ev(`max(${all})`)).toEqual([25, 60, NaN]);
    expect(ev(`sum(${all})`)).toEqual([60, 100, 0]);
    expect(ev(`count(teams[*].players)`)).toEqual([3, 2, 0]);
    expect(ev(`max(count(teams[*].players))`)).toBe(3);
    expect(ev(`min(count(teams[*].players))`)).toBe(0);
  });

  it("gives no value (NaN) for numeric functions of an empty list", () => {
    for (const fn of ["min", "max", "avg", "median", "stddev"]) {
      expect(ev(`${fn}(teams[green].players.attributes[skill])`)).toBeNaN();
    }
  });

  it("gives no value for numeric functions of strings", () => {
    expect(ev("avg(teams[red].players.attributes[mode])")).toBeNaN();
  });

  it("finds no common strings when lists share none", () => {
    expect(ev("set_intersection(teams[red].players.attributes[maps])", "union")).toEqual(["y"]);
    expect(ev("set_intersection(flatten(teams[*].players.attributes[mode]))")).toEqual([]);
  });

  it("flattens only one level", () => {
    expect(ev("flatten(teams[red].players.attributes[maps])")).toEqual(["x", "y", "y", "z", "y", "z"]);
  });
});

describe("parseExpression", () => {
  it.each([
    "avg(teams[*].players",
    "teams[red].skill",
    "teams[red].players.stats[skill]",
    "teams[red].players[name]",
    "mean(teams[*].players.attributes[skill])",
    "avg(teams[*].players.attributes[skill]) extra",
    "teams[].players",
    "",
  ])("rejects %j", (text) => {
    expect(() => parseExpression(text)).toThrow(ExpressionSyntaxError);
  });

  it("parses literals and nested calls", () => {
    expect(parseExpression("12.5")).toEqual({ kind: "number", value: 12.5 });
    expect(parseExpression("avg(flatten(teams[*].players.attributes[skill]))")).toEqual({
      kind: "call",
      fn: "avg",
      arg: {
        kind: "call",
        fn: "flatten",
        arg: { kind: "path", teams: "*", single: false, tail: { kind: "attribute", attribute: "skill" } },
      },
    });
  });
});
