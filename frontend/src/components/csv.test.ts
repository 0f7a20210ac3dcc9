import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csv", () => {
  it("quotes only cells that need it, doubling quotes", () => {
    expect(csvCell("Nadia")).toBe("Nadia");
    expect(csvCell("Murshidabad Medical College & Hospital, Berhampore")).toBe('"Murshidabad Medical College & Hospital, Berhampore"');
    expect(csvCell('the "old" block')).toBe('"the ""old"" block"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(28.6)).toBe("28.6");
  });

  it("writes a header and every row, each line ending in CRLF", () => {
    expect(toCsv(["District", "Adopted"], [["মুর্শিদাবাদ", 3], ["Nadia", 2]])).toBe("District,Adopted\r\nমুর্শিদাবাদ,3\r\nNadia,2\r\n");
    expect(toCsv(["A"], [])).toBe("A\r\n");
  });
});
