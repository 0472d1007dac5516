import { describe, expect, it } from "vitest";
import { can } from "./permissions";
import { createUserInput } from "./admin";

describe("can()", () => {
  it("lets only administrators manage users and teams", () => {
    expect(can({ roles: ["admin"] }, "users.manage")).toBe(true);
    expect(can({ roles: ["admin"] }, "teams.manage")).toBe(true);
    for (const role of ["social_worker", "counselor", "supervisor"] as const) {
      expect(can({ roles: [role] }, "users.manage")).toBe(false);
      expect(can({ roles: [role] }, "teams.manage")).toBe(false);
    }
  });

  it("grants an action when any of a user's roles allows it", () => {
    expect(can({ roles: ["counselor", "admin"] }, "users.manage")).toBe(true);
  });
});

describe("createUserInput", () => {
  it("normalizes the email and de-duplicates roles", () => {
    const parsed = createUserInput.parse({
      email: "  Sari@Example.ORG ",
      displayName: "Sari",
      password: "a long enough passphrase",
      roles: ["counselor", "counselor"],
    });
    expect(parsed.email).toBe("sari@example.org");
    expect(parsed.roles).toEqual(["counselor"]);
    expect(parsed.locale).toBe("en");
  });

  it("refuses a short password and an empty role list with translatable messages", () => {
    const result = createUserInput.safeParse({
      email: "a@b.org",
      displayName: "A",
      password: "short",
      roles: [],
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message);
    expect(messages).toContain("validation.passwordTooShort");
    expect(messages).toContain("validation.atLeastOneRole");
  });
});
