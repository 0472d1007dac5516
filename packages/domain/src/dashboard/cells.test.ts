import { describe, expect, it } from "vitest";
import { ageGroup, ageOn, csvField, neutralizeCell, suppressSmallCells, suppressTotal, toCsv } from "./cells";
import { SMALL_CELL_THRESHOLD, type AgeGroup } from "./vocabulary";

describe("neutralizeCell", () => {
  it("puts an apostrophe before text a spreadsheet would run as a formula", () => {
    expect(neutralizeCell("=SUM(A1:A9)")).toBe("'=SUM(A1:A9)");
    expect(neutralizeCell("+62 812")).toBe("'+62 812");
    expect(neutralizeCell("-1")).toBe("'-1");
    expect(neutralizeCell("@cmd")).toBe("'@cmd");
    expect(neutralizeCell("\t=1+1")).toBe("'\t=1+1");
    expect(neutralizeCell("\r=1+1")).toBe("'\r=1+1");
  });
  it("leaves other text as it is, a formula sign later in the text included", () => {
    expect(neutralizeCell("Mawar")).toBe("Mawar");
    expect(neutralizeCell("a=b")).toBe("a=b");
    expect(neutralizeCell(" =1")).toBe(" =1");
    expect(neutralizeCell("")).toBe("");
  });
});

describe("csvField", () => {
  it("writes nothing for a missing value and numbers as they are (a number is never a formula)", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(42)).toBe("42");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(1.5)).toBe("1.5");
    expect(csvField(0)).toBe("0");
  });
  it("quotes a field holding a comma, a quote or a line break, doubling the quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(csvField("line 1\r\nline 2")).toBe('"line 1\r\nline 2"');
  });
  it("neutralizes before quoting", () => {
    expect(csvField("=1+2")).toBe("'=1+2");
    expect(csvField("-")).toBe("'-");
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField("\r=cmd")).toBe(`"'\r=cmd"`);
    expect(csvField("@a,b")).toBe(`"'@a,b"`);
  });
});

describe("toCsv", () => {
  it("writes a BOM, the header and the rows with CRLF line ends, every field through csvField", () => {
    const csv = toCsv(
      ["Case", "Alias", "Days"],
      [
        ["LNT-2026-000001", "=evil()", 3],
        ["LNT-2026-000002", null, "a,b"],
      ],
    );
    expect(csv).toBe("\uFEFFCase,Alias,Days\r\nLNT-2026-000001,'=evil(),3\r\nLNT-2026-000002,,\"a,b\"\r\n");
  });
  it("writes only the header for no rows", () => {
    expect(toCsv(["+Total"], [])).toBe("\uFEFF'+Total\r\n");
  });
});

describe("suppressSmallCells", () => {
  it("is about a threshold of 5", () => {
    expect(SMALL_CELL_THRESHOLD).toBe(5);
  });
  it("suppresses counts from 1 to 4, keeps 5 and more, and keeps zero (no case discloses no one)", () => {
    expect(suppressSmallCells([0, 1, 4, 5, 12], false)).toEqual([0, null, null, 5, 12]);
  });
  it("changes nothing when no cell is small", () => {
    expect(suppressSmallCells([0, 5, 10], true)).toEqual([0, 5, 10]);
    expect(suppressSmallCells([], true)).toEqual([]);
  });
  it("suppresses the next smallest non-zero cell when a lone suppressed cell could be worked out from the total", () => {
    expect(suppressSmallCells([4, 5, 10], true)).toEqual([null, null, 10]);
    expect(suppressSmallCells([9, 3, 0, 7], true)).toEqual([9, null, 0, null]);
    // Of equal candidates, the first.
    expect(suppressSmallCells([4, 6, 6], true)).toEqual([null, null, 6]);
  });
  it("does not suppress a complementary cell for cells that overlap (no published total to subtract from)", () => {
    expect(suppressSmallCells([4, 5, 10], false)).toEqual([null, 5, 10]);
  });
  it("needs no complementary cell when two or more are suppressed already", () => {
    expect(suppressSmallCells([1, 2, 10], true)).toEqual([null, null, 10]);
  });
  it("never picks a zero as the complementary cell", () => {
    expect(suppressSmallCells([3, 0, 0], true)).toEqual([null, 0, 0]);
  });
});

describe("suppressTotal", () => {
  it("suppresses a small total, never zero", () => {
    expect(suppressTotal(0)).toBe(0);
    expect(suppressTotal(1)).toBeNull();
    expect(suppressTotal(4)).toBeNull();
    expect(suppressTotal(5)).toBe(5);
    expect(suppressTotal(250)).toBe(250);
  });
});

describe("ageOn", () => {
  it("counts a year on the birthday, not the day before", () => {
    expect(ageOn("2014-01-10", "2026-01-10")).toBe(12);
    expect(ageOn("2014-01-10", "2026-01-09")).toBe(11);
    expect(ageOn("2014-01-11", "2026-01-10")).toBe(11);
  });
  it("handles the turn of the year and a birthday on 29 February", () => {
    expect(ageOn("2010-12-31", "2026-01-01")).toBe(15);
    expect(ageOn("2012-02-29", "2026-02-28")).toBe(13);
    expect(ageOn("2012-02-29", "2026-03-01")).toBe(14);
    expect(ageOn("2012-02-29", "2024-02-29")).toBe(12);
  });
  it("is zero on the day of birth and negative before it", () => {
    expect(ageOn("2026-01-10", "2026-01-10")).toBe(0);
    expect(ageOn("2026-01-11", "2026-01-10")).toBe(-1);
  });
});

describe("ageGroup", () => {
  it("puts each age at the edges in its group", () => {
    const cases: [number | null, AgeGroup][] = [
      [null, "unknown"],
      [-1, "unknown"],
      [0, "0-11"],
      [11, "0-11"],
      [12, "12-14"],
      [14, "12-14"],
      [15, "15-17"],
      [17, "15-17"],
      [18, "18-24"],
      [24, "18-24"],
      [25, "25+"],
      [120, "25+"],
    ];
    for (const [age, group] of cases) expect(ageGroup(age), String(age)).toBe(group);
  });
  it("works with ageOn on a birthday at the opening day", () => {
    expect(ageGroup(ageOn("2014-01-10", "2026-01-09"))).toBe("0-11");
    expect(ageGroup(ageOn("2014-01-10", "2026-01-10"))).toBe("12-14");
  });
});
