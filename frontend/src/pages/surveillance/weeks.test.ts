import { describe, expect, it } from "vitest";
import { indiaToday, isoWeek, weeksBefore } from "./weeks";

describe("weeks", () => {
  it("are ISO weeks, as the server counts them", () => {
    expect(isoWeek(new Date(Date.UTC(2026, 11, 6)))).toBe("2026W49"); // Sunday
    expect(isoWeek(new Date(Date.UTC(2026, 11, 7)))).toBe("2026W50"); // Monday
    expect(isoWeek(new Date(Date.UTC(2027, 0, 1)))).toBe("2026W53");
    expect(isoWeek(new Date(Date.UTC(2026, 0, 1)))).toBe("2026W1");
    expect(weeksBefore(new Date(Date.UTC(2026, 11, 7)), 7)).toBe("2026W43");
  });

  it("take the day in India: Sunday 23:59 IST is still Sunday", () => {
    // 18:29 UTC on Sunday 6 December 2026 is 23:59 IST; 18:31 UTC is Monday in India.
    expect(isoWeek(indiaToday(Date.UTC(2026, 11, 6, 18, 29)))).toBe("2026W49");
    expect(isoWeek(indiaToday(Date.UTC(2026, 11, 6, 18, 31)))).toBe("2026W50");
  });
});
