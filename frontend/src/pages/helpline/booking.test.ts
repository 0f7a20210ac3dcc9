import { describe, expect, it } from "vitest";
import { indiaDay } from "./BookAppointment";

describe("indiaDay", () => {
  it("is the calendar day in India, which starts 5½ hours before UTC's", () => {
    expect(indiaDay(0, new Date("2026-12-01T18:29:00Z"))).toBe("2026-12-01");
    expect(indiaDay(0, new Date("2026-12-01T18:31:00Z"))).toBe("2026-12-02");
  });
  it("counts days ahead across a month's end", () => {
    expect(indiaDay(6, new Date("2026-12-28T06:00:00Z"))).toBe("2027-01-03");
  });
});
