import { describe, expect, it } from "vitest";
import { outcomeActionsFor } from "./outcome-permissions";

describe("who may assess on the case page", () => {
  it("offers entry to the care team and the team's supervisor, as the server allows", () => {
    expect(outcomeActionsFor({ access: "care_team" }).assess).toBe(true);
    expect(outcomeActionsFor({ access: "supervisor" }).assess).toBe(true);
  });

  it("lets an emergency (break-glass) reader see the scores but not assess", () => {
    expect(outcomeActionsFor({ access: "break_glass" }).assess).toBe(false);
    expect(outcomeActionsFor({ access: "none" }).assess).toBe(false);
  });
});
