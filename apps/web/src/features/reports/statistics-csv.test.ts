import { describe, expect, it } from "vitest";
import type { Statistics } from "@lentera/domain";
import { countText, statisticKeyText, statisticsCsv, statisticsCsvRows } from "./statistics-csv";
import { translator } from "./test-translator";

const en = translator("en");
const id = translator("id");

const statistics: Statistics = {
  from: "2026-01-01",
  to: "2026-06-30",
  includedCases: 23,
  excludedCases: null,
  breakdowns: [
    { dimension: "month", cells: [{ key: "2026-01", count: 12 }, { key: "2026-02", count: null }] },
    { dimension: "harm_type", cells: [{ key: "sextortion", count: 9 }, { key: "grooming", count: 0 }] },
    { dimension: "age_group", cells: [{ key: "12-14", count: 15 }, { key: "unknown", count: null }] },
    { dimension: "sex", cells: [{ key: "female", count: 20 }, { key: "unknown", count: null }] },
    { dimension: "province", cells: [{ key: "ID-JB", count: 18 }, { key: "unknown", count: null }] },
    { dimension: "referral_source", cells: [{ key: "hotline", count: 7 }] },
  ],
};

describe("the statistics as CSV rows", () => {
  it("publishes a suppressed count as <5, never as a number, and a zero as zero", () => {
    expect(countText(null)).toBe("<5");
    expect(countText(0)).toBe(0);
    expect(countText(7)).toBe(7);
  });

  it("has one row per total and per cell: dimension and category in words, the count or <5", () => {
    expect(statisticsCsvRows(statistics, en)).toEqual([
      ["Totals", "Cases counted (consent covers reporting)", 23],
      ["Totals", "Cases left out (no consent for reporting)", "<5"],
      ["Month opened", "2026-01", 12],
      ["Month opened", "2026-02", "<5"],
      ["Harm type", "Sextortion", 9],
      ["Harm type", "Grooming", 0],
      ["Age group at opening", "12–14 years", 15],
      ["Age group at opening", "Age not known", "<5"],
      ["Sex", "Female", 20],
      ["Sex", "Not known", "<5"],
      ["Province", "ID-JB", 18],
      ["Province", "Not known", "<5"],
      ["Referral source", "Hotline (129 / 111)", 7],
    ]);
  });

  it("writes one CSV with a translated header", () => {
    const csv = statisticsCsv(statistics, id);
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Rincian,Kategori,Kasus");
    expect(lines).toContain("Jenis kelamin,Tidak diketahui,<5");
    expect(lines).toHaveLength(1 + 13 + 1); // header, rows, the empty string after the last line end
  });

  it("says months as the reader does on screen, and keeps unknown codes as they came", () => {
    expect(statisticKeyText("month", "2026-03", en, "en")).toBe("March 2026");
    expect(statisticKeyText("month", "2026-03", en, null)).toBe("2026-03");
    expect(statisticKeyText("harm_type", "something_new", en, "en")).toBe("something_new");
  });
});
