import { describe, expect, it } from "vitest";
import { ROLES } from "@lentera/domain";
import { catalogPart } from "../i18n/test-catalogs";
import { activeNavItem, navigationFor } from "./navigation";

const paths = (roles: Parameters<typeof navigationFor>[0]) => navigationFor(roles).map((item) => item.to);

describe("navigationFor", () => {
  it("gives every role My work, as Home", () => {
    for (const role of ROLES) {
      expect(paths([role])[0]).toBe("/");
      expect(navigationFor([role])[0]?.labelKey).toBe("nav.myWork");
    }
  });

  it("counts My work's items beside the link of those who work on cases, not of administrators", () => {
    const counted = (roles: Parameters<typeof navigationFor>[0]) => navigationFor(roles).filter((item) => item.countsWork).map((item) => item.to);
    expect(counted(["social_worker"])).toEqual(["/"]);
    expect(counted(["counselor"])).toEqual(["/"]);
    expect(counted(["supervisor"])).toEqual(["/"]);
    expect(counted(["counselor", "admin"])).toEqual(["/"]);
    expect(counted(["admin"])).toEqual([]);
  });

  it("offers the dashboard only to those the server gives one", () => {
    expect(paths(["supervisor"])).not.toContain("/dashboard");
    expect(navigationFor(["supervisor"], true).map((item) => item.to).slice(0, 2)).toEqual(["/", "/dashboard"]);
  });

  it("gives each role its own items", () => {
    expect(paths(["admin"])).toEqual(["/", "/partners", "/admin/users", "/admin/teams", "/admin/settings", "/audit"]);
    expect(paths(["social_worker"])).toEqual(["/", "/cases", "/cases/new", "/calendar", "/partners"]);
    expect(paths(["counselor"])).toEqual(["/", "/cases", "/calendar", "/partners"]);
    expect(paths(["supervisor"])).toEqual(["/", "/cases", "/cases/new", "/cases/emergency-access", "/calendar", "/supervision", "/partners", "/audit"]);
  });

  it("keeps case items away from administrators (separation of duties)", () => {
    expect(paths(["admin"]).some((path) => path.startsWith("/cases"))).toBe(false);
  });

  it("combines roles without duplicates", () => {
    expect(paths(["counselor", "admin"])).toEqual(["/", "/cases", "/calendar", "/partners", "/admin/users", "/admin/teams", "/admin/settings", "/audit"]);
    expect(paths(["social_worker", "supervisor"])).toEqual(["/", "/cases", "/cases/new", "/cases/emergency-access", "/calendar", "/supervision", "/partners", "/audit"]);
    expect(paths([])).toEqual(["/"]);
  });

  it("labels every item with a key that exists in the English catalog's first-screen part", () => {
    const keys = new Set(Object.keys(catalogPart("en", "common").nav ?? {}));
    for (const item of navigationFor(["admin", "social_worker", "counselor", "supervisor"])) {
      expect(item.labelKey.startsWith("nav.")).toBe(true);
      expect(keys.has(item.labelKey.slice("nav.".length))).toBe(true);
    }
  });

  it("marks one item as the current page: the closest one", () => {
    const items = navigationFor(["supervisor"]);
    const active = (pathname: string) => activeNavItem(items, pathname)?.to ?? null;
    expect(active("/")).toBe("/");
    expect(active("/cases")).toBe("/cases");
    expect(active("/cases/0b7c2d3e-1111-4222-8333-944455556666")).toBe("/cases");
    expect(active("/cases/new")).toBe("/cases/new");
    expect(active("/cases/emergency-access")).toBe("/cases/emergency-access");
    expect(active("/casesx")).toBe(null);
    expect(active("/partners")).toBe("/partners");
    expect(active("/calendar")).toBe("/calendar");
    expect(active("/supervision")).toBe("/supervision");
    // A session note belongs to its case.
    expect(active("/cases/0b7c2d3e-1111-4222-8333-944455556666/sessions/1b7c2d3e-1111-4222-8333-944455556666")).toBe("/cases");
  });

  it("marks the agency settings as the administrator's current page", () => {
    const items = navigationFor(["admin"]);
    expect(activeNavItem(items, "/admin/settings")?.to).toBe("/admin/settings");
    expect(activeNavItem(items, "/admin/teams")?.to).toBe("/admin/teams");
  });
});
