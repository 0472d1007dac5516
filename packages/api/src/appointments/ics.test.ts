import { describe, expect, it } from "vitest";
import { escapeText, foldLine, icsDateTime, renderIcs } from "./ics";

describe("iCalendar text", () => {
  it("writes UTC times with Z", () => {
    expect(icsDateTime(new Date("2026-03-02T02:05:09.123Z"))).toBe("20260302T020509Z");
  });

  it("escapes backslash, semicolon, comma and newlines", () => {
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
  });

  it("folds at 75 octets without splitting a UTF-8 character", () => {
    const line = `SUMMARY:${"·".repeat(60)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((part) => part.startsWith(" "))).toBe(true);
    expect(parts.map((part, i) => (i === 0 ? part : part.slice(1))).join("")).toBe(line);
    expect(foldLine("SHORT:x")).toBe("SHORT:x");
  });

  it("ends every line with CRLF", () => {
    const text = renderIcs({
      name: "Lentera",
      now: new Date("2026-03-01T00:00:00Z"),
      events: [{ uid: "a@lentera", startsAt: new Date("2026-03-02T02:00:00Z"), endsAt: new Date("2026-03-02T03:00:00Z"), summary: "LNT-2026-000123 · counseling", sequence: 0, status: "CONFIRMED" }],
    });
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(text).toContain("DTSTART:20260302T020000Z\r\nDTEND:20260302T030000Z\r\n");
    expect(text).toContain("DTSTAMP:20260301T000000Z");
  });
});
