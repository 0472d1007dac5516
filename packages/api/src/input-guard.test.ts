import { describe, expect, it } from "vitest";
import { unstorableInput } from "./input-guard";

describe("unstorableInput", () => {
  it("finds NUL and lone surrogates anywhere in the input, keys included", () => {
    expect(unstorableInput({ note: `a${String.fromCharCode(0)}b` })).toBe("invalid_characters");
    expect(unstorableInput({ list: [{ deep: "x\uD800" }] })).toBe("invalid_characters");
    expect(unstorableInput({ "\uDC00": 1 })).toBe("invalid_characters");
  });

  it("lets well-formed text through: emoji, combining marks, RTL marks, Vietnamese and Indonesian", () => {
    expect(unstorableInput({ note: "Ani 👩🏽‍🎓 e\u0301 \u200F Tiếng Việt: đã đến trường, sudah sekolah" })).toBeNull();
  });

  it("refuses instants outside the years Lentera works with, and invalid dates", () => {
    expect(unstorableInput({ from: new Date("0001-01-01T00:00:00Z") })).toBe("date_out_of_range");
    expect(unstorableInput({ from: new Date(Date.UTC(10_000, 0, 1)) })).toBe("date_out_of_range");
    expect(unstorableInput({ from: new Date(Number.NaN) })).toBe("date_out_of_range");
    expect(unstorableInput({ from: new Date("2026-12-08T09:00:00Z") })).toBeNull();
  });

  it("passes plain values and empty input", () => {
    expect(unstorableInput(undefined)).toBeNull();
    expect(unstorableInput({ count: 3, flag: true, none: null })).toBeNull();
  });
});
