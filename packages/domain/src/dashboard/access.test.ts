import { describe, expect, it } from "vitest";
import type { Role } from "../roles";
import { dashboardReach } from "./access";

const user = (...roles: Role[]) => ({ roles });

describe("dashboardReach", () => {
  it("gives a supervisor their teams", () => {
    expect(dashboardReach(user("supervisor"), [])).toBe("teams");
    expect(dashboardReach(user("supervisor", "counselor"), [])).toBe("teams");
  });
  it("gives the whole agency to a role the agency granted it", () => {
    expect(dashboardReach(user("supervisor"), ["supervisor"])).toBe("agency");
    expect(dashboardReach(user("social_worker"), ["social_worker"])).toBe("agency");
    expect(dashboardReach(user("counselor", "social_worker"), ["counselor"])).toBe("agency");
  });
  it("gives nothing to a social worker or counselor without a grant, or with another role's grant", () => {
    expect(dashboardReach(user("social_worker"), [])).toBeNull();
    expect(dashboardReach(user("counselor"), ["supervisor", "social_worker"])).toBeNull();
  });
  it("gives nothing to an administrator alone, whatever is granted", () => {
    expect(dashboardReach(user("admin"), [])).toBeNull();
    expect(dashboardReach(user("admin"), ["supervisor", "social_worker", "counselor"])).toBeNull();
  });
  it("judges an administrator who also holds another role by that role", () => {
    expect(dashboardReach(user("admin", "supervisor"), [])).toBe("teams");
    expect(dashboardReach(user("admin", "counselor"), ["counselor"])).toBe("agency");
    expect(dashboardReach(user("admin", "counselor"), [])).toBeNull();
  });
});
