import { describe, expect, it } from "vitest";
import {
  openskillModel,
  rateMatch,
  reportFingerprint,
  ResultRejectedError,
  skillFromRating,
  defaultSkillScale,
  validateResult,
  type MatchRoster,
  type MatchResultReport,
} from "../../../src/index.js";

// Expected numbers: the openskill package's own README (node_modules/openskill/README.md, "Usage"
// and "Artificial Ranking"), printed there to 2-3 decimals.
describe("openskillModel", () => {
  it("rates the README's 2-team example (a1+a2 beat b1+b2)", () => {
    const a1 = openskillModel.initial();
    const a2 = { mu: 32.444, sigma: 5.123 };
    const b1 = { mu: 43.381, sigma: 2.421 };
    const b2 = { mu: 25.188, sigma: 6.211 };

    const [[x1, x2], [y1, y2]] = openskillModel.rate(
      [
        [a1, a2],
        [b1, b2],
      ],
      [1, 2],
    ) as [
      [{ mu: number; sigma: number }, { mu: number; sigma: number }],
      [{ mu: number; sigma: number }, { mu: number; sigma: number }],
    ];

    expect(x1.mu).toBeCloseTo(28.67, 2);
    expect(x1.sigma).toBeCloseTo(8.07, 2);
    expect(x2.mu).toBeCloseTo(33.83, 2);
    expect(x2.sigma).toBeCloseTo(5.06, 2);
    expect(y1.mu).toBeCloseTo(43.07, 2);
    expect(y1.sigma).toBeCloseTo(2.42, 2);
    expect(y2.mu).toBeCloseTo(23.15, 2);
    expect(y2.sigma).toBeCloseTo(6.14, 2);
  });

  it("rates the README's 4-player free-for-all with ranks [4, 1, 3, 2]", () => {
    const r = openskillModel.initial();

    const out = openskillModel.rate([[r], [r], [r], [r]], [4, 1, 3, 2]).map((t) => t[0]);

    // The README prints 3 decimals (20.963 for 20.9624...): compare within half a thousandth.
    for (const [i, mu] of [20.963, 27.795, 24.689, 26.553].entries()) {
      expect(Math.abs((out[i]?.mu ?? 0) - mu)).toBeLessThan(0.001);
    }
    for (const [i, sigma] of [8.084, 8.263, 8.084, 8.179].entries()) {
      expect(Math.abs((out[i]?.sigma ?? 0) - sigma)).toBeLessThan(0.001);
    }
  });

  it("starts new players at the library's defaults (mu 25, sigma 25/3)", () => {
    expect(openskillModel.initial()).toEqual({ mu: 25, sigma: 25 / 3 });
  });
});

const roster: MatchRoster = {
  gameSessionArn: "arn:aws:gamelift:us-east-1::gamesession/fleet-a/gs-1",
  configurationName: "arena",
  players: [
    { playerId: "p1", team: "red" },
    { playerId: "p2", team: "red" },
    { playerId: "p3", team: "blue" },
    { playerId: "p4", team: "blue" },
  ],
};

describe("rateMatch", () => {
  it("rates every player of the roster with their team, new players from the defaults, and counts the match", () => {
    const report: MatchResultReport = {
      teams: [
        { team: "red", rank: 1 },
        { team: "blue", rank: 2 },
      ],
      leftEarly: ["p4"],
    };

    const changes = rateMatch(openskillModel, roster, report, "arena", () => undefined);

    expect(changes.map((c) => c.playerId)).toEqual(["p1", "p2", "p3", "p4"]);
    for (const c of changes) expect(c.before).toEqual({ mu: 25, sigma: 25 / 3, matches: 0 });
    expect(changes[0]?.after.mu).toBeGreaterThan(25);
    expect(changes[3]?.after.mu).toBeLessThan(25);
    expect(changes.every((c) => c.after.matches === 1)).toBe(true);
  });

  it("derives ranks from scores (higher is better) and treats equal scores as a tie", () => {
    const byScore = rateMatch(
      openskillModel,
      roster,
      {
        teams: [
          { team: "red", score: 3 },
          { team: "blue", score: 10 },
        ],
      },
      "arena",
      () => undefined,
    );
    const byRank = rateMatch(
      openskillModel,
      roster,
      {
        teams: [
          { team: "red", rank: 2 },
          { team: "blue", rank: 1 },
        ],
      },
      "arena",
      () => undefined,
    );
    const tie = rateMatch(
      openskillModel,
      roster,
      {
        teams: [
          { team: "red", score: 5 },
          { team: "blue", score: 5 },
        ],
      },
      "arena",
      () => undefined,
    );

    expect(byScore).toEqual(byRank);
    expect(tie[0]?.after.mu).toBeCloseTo(25, 6);
  });
});

describe("validateResult", () => {
  const base = {
    teams: [
      { team: "red", rank: 1 },
      { team: "blue", rank: 2 },
    ],
  };
  it.each([
    [
      "an unknown team",
      {
        teams: [
          { team: "red", rank: 1 },
          { team: "green", rank: 2 },
        ],
      },
      "UNKNOWN_TEAM",
      "body.teams.1.team",
    ],
    [
      "a missing team",
      {
        teams: [
          { team: "red", rank: 1 },
          { team: "red", rank: 2 },
        ],
      },
      "DUPLICATE_TEAM",
      "body.teams.1.team",
    ],
    ["one team only", { teams: [{ team: "red", rank: 1 }] }, "TOO_FEW_TEAMS", "body.teams"],
    [
      "ranks mixed with scores",
      {
        teams: [
          { team: "red", rank: 1 },
          { team: "blue", score: 2 },
        ],
      },
      "MIXED_OUTCOMES",
      "body.teams",
    ],
    [
      "an unknown player",
      {
        teams: [
          { team: "red", rank: 1, players: [{ playerId: "zed" }] },
          { team: "blue", rank: 2 },
        ],
      },
      "UNKNOWN_PLAYER",
      "body.teams.0.players.0.playerId",
    ],
    [
      "a player on the wrong team",
      {
        teams: [
          { team: "red", rank: 1, players: [{ playerId: "p3" }] },
          { team: "blue", rank: 2 },
        ],
      },
      "WRONG_TEAM",
      "body.teams.0.players.0.playerId",
    ],
    ["an unknown leaver", { ...base, leftEarly: ["zed"] }, "UNKNOWN_PLAYER", "body.leftEarly.0"],
  ] as const)("refuses %s", (_name, report, code, field) => {
    const run = (): void => validateResult(report as MatchResultReport, roster);
    expect(run).toThrow(ResultRejectedError);
    try {
      run();
    } catch (err) {
      expect((err as ResultRejectedError).code).toBe(code);
      expect((err as ResultRejectedError).field).toBe(field);
    }
  });

  it("accepts a complete report with players on their own teams", () => {
    expect(() =>
      validateResult(
        {
          teams: [
            { team: "blue", rank: 2, players: [{ playerId: "p3", score: 7 }] },
            { team: "red", rank: 1 },
          ],
        },
        roster,
      ),
    ).not.toThrow();
  });
});

describe("reportFingerprint", () => {
  it("ignores team, player and key order but not outcomes", () => {
    const a = reportFingerprint({
      teams: [
        { team: "red", rank: 1 },
        { team: "blue", rank: 2 },
      ],
      leftEarly: ["p4", "p1"],
    });
    const b = reportFingerprint({
      leftEarly: ["p1", "p4"],
      teams: [
        { rank: 2, team: "blue" },
        { team: "red", rank: 1 },
      ],
    });
    const c = reportFingerprint({
      teams: [
        { team: "red", rank: 2 },
        { team: "blue", rank: 1 },
      ],
      leftEarly: ["p4", "p1"],
    });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

describe("skillFromRating", () => {
  it("gives a new player the rule set's default skill in both bases", () => {
    expect(skillFromRating(openskillModel, defaultSkillScale, undefined)).toBe(1000);
    expect(skillFromRating(openskillModel, defaultSkillScale, openskillModel.initial())).toBe(1000);
    expect(skillFromRating(openskillModel, { ...defaultSkillScale, basis: "mu" }, openskillModel.initial())).toBe(1000);
  });

  it("scales 40 skill per rating point of the chosen basis", () => {
    const r = { mu: 27, sigma: 7 };
    expect(skillFromRating(openskillModel, { ...defaultSkillScale, basis: "mu" }, r)).toBe(1080);
    // display: (27 - 21) - (25 - 25) = 6 → 1240
    expect(skillFromRating(openskillModel, defaultSkillScale, r)).toBe(1240);
  });
});
