import { describe, expect, it } from "vitest";
import { rankingRows, trendOf, usualDirection } from "./scorecards";

describe("scorecards", () => {
  it("tells a score's move against the period before", () => {
    expect(trendOf(75, 70.05)).toEqual({ kind: "up", delta: 5 });
    expect(trendOf(60, 75)).toEqual({ kind: "down", delta: -15 });
    expect(trendOf(60, 60)).toEqual({ kind: "same", delta: 0 });
    expect(trendOf(60, null)).toEqual({ kind: "new", delta: 0 });
    expect(trendOf(null, 40)).toEqual({ kind: "new", delta: 0 });
  });

  it("gives volumes higher and rates lower as their usual direction", () => {
    expect(usualDirection("OPD_VISITS")).toBe("HIGHER_IS_BETTER");
    expect(usualDirection("MORTALITY_RATE")).toBe("LOWER_IS_BETTER");
  });

  it("writes a ranking's rows with every indicator's value and points, blanks for the missing", () => {
    const rows = rankingRows([
      { facilityId: "1", name: "Kolkata DH", district: "Kolkata", volume: 5, rank: 1, score: 75, previousScore: null, previousRank: null, parts: [{ indicator: "OPD_VISITS", weight: 1, value: 3, points: 100 }, { indicator: "MORTALITY_RATE", weight: 2, value: null, points: 0 }] },
      { facilityId: "2", name: "Howrah DH", volume: 0, rank: null, score: null, parts: [] },
    ]);
    expect(rows).toEqual([
      [1, "Kolkata DH", "Kolkata", 5, 75, 3, 100, "", 0, "", ""],
      ["", "Howrah DH", "", 0, "", "", ""],
    ]);
  });
});
