import { describe, expect, it } from "vitest";
import { ROLES } from "@lentera/domain";
import en from "../i18n/locales/en.json";
import { navigationFor } from "./navigation";

const paths = (roles: Parameters<typeof navigationFor>[0]) => navigationFor(roles).map((item) => item.to);

describe("navigationFor", () => {
  it("gives every role Home", () => {
    for (const role of ROLES) expect(paths([role])[0]).toBe("/");
  });

  it("adds Users and Teams for administrators only", () => {
    expect(paths(["admin"])).toEqual(["/", "/admin/users", "/admin/teams"]);
    expect(paths(["social_worker"])).toEqual(["/"]);
    expect(paths(["counselor"])).toEqual(["/"]);
    expect(paths(["supervisor"])).toEqual(["/"]);
  });

  it("combines roles without duplicates", () => {
    expect(paths(["counselor", "admin"])).toEqual(["/", "/admin/users", "/admin/teams"]);
    expect(paths([])).toEqual(["/"]);
  });

  it("labels every item with a key that exists in the English catalog", () => {
    const keys = new Set(Object.keys(en.nav));
    for (const item of navigationFor(["admin"])) {
      expect(item.labelKey.startsWith("nav.")).toBe(true);
      expect(keys.has(item.labelKey.slice("nav.".length))).toBe(true);
    }
  });
});
