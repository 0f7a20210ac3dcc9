import { describe, expect, it } from "vitest";
import { addDays, indiaToday } from "./dates";

describe("training dates", () => {
  it("counts India's day, which starts at 18:30 UTC", () => {
    expect(indiaToday(Date.parse("2026-12-06T18:29:00Z"))).toBe("2026-12-06");
    expect(indiaToday(Date.parse("2026-12-06T18:31:00Z"))).toBe("2026-12-07");
  });
  it("moves across months and years", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});
