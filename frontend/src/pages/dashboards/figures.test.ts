import { describe, expect, it } from "vitest";
import { financialYears, lastMonths } from "./figures";

describe("periods", () => {
  it("a financial year runs April to March", () => {
    expect(financialYears("2026-12-07")).toEqual({ thisYear: ["2026-04", "2026-12"], lastYear: ["2025-04", "2026-03"] });
    expect(financialYears("2027-02-10")).toEqual({ thisYear: ["2026-04", "2027-02"], lastYear: ["2025-04", "2026-03"] });
    expect(financialYears("2026-04-01").thisYear).toEqual(["2026-04", "2026-04"]);
  });
  it("the last months end with this one, across a year's end", () => {
    expect(lastMonths("2026-12-07", 6)).toEqual(["2026-07", "2026-12"]);
    expect(lastMonths("2027-02-01", 6)).toEqual(["2026-09", "2027-02"]);
  });
});
