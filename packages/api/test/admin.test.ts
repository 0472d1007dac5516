import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, count, eq, sessions, users } from "@lentera/db";
import { makeAgency, makeTeam } from "@lentera/db/testing";
import { ROLES } from "@lentera/domain";
import { createTestApi, type TestApi } from "../src/testing";

let t: TestApi;
let agencyId: string;
let teamId: string;

beforeAll(async () => {
  t = await createTestApi();
  agencyId = (await makeAgency(t.db)).id;
  teamId = (await makeTeam(t.db, agencyId)).id;
});
afterAll(() => t.close());

const admin = () => t.signedInUser({ agencyId, roles: ["admin"] });
const newUserInput = (email: string) => ({
  email,
  displayName: "Maya",
  password: "a long enough passphrase",
  roles: ["counselor" as const],
  teamIds: [teamId],
});

async function auditCount() {
  const [row] = await t.db.select({ n: count() }).from(auditEvents);
  return row?.n ?? 0;
}

describe("admin procedures are for administrators only", () => {
  const nonAdminRoles = ROLES.filter((role) => role !== "admin");
  const uuid = "00000000-0000-4000-8000-000000000000";

  it.each(nonAdminRoles)("a %s is refused every admin procedure and nothing changes", async (role) => {
    const { api } = await t.signedInUser({ agencyId, roles: [role], teamIds: [teamId] });
    const before = await auditCount();
    const attempts: (() => Promise<unknown>)[] = [
      () => api.admin.users.list(),
      () => api.admin.users.create(newUserInput(`denied-${role}@example.org`)),
      () => api.admin.users.update({ userId: uuid, version: 0, displayName: "x" }),
      () => api.admin.users.deactivate({ userId: uuid, version: 0 }),
      () => api.admin.users.reactivate({ userId: uuid, version: 0 }),
      () => api.admin.teams.list(),
      () => api.admin.teams.create({ name: `denied ${role}` }),
      () => api.admin.teams.rename({ teamId, version: 0, name: "renamed" }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await auditCount()).toBe(before);
    const [created] = await t.db.select().from(users).where(eq(users.email, `denied-${role}@example.org`));
    expect(created).toBeUndefined();
  });

  it("an anonymous caller is refused with UNAUTHORIZED", async () => {
    await expect(t.caller().api.admin.users.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("admin.users", () => {
  it("creates a user with one audit event that redacts nothing secret and holds no password", async () => {
    const { api } = await admin();
    const before = await auditCount();
    const created = await api.admin.users.create(newUserInput("maya@example.org"));
    expect(await auditCount()).toBe(before + 1);
    const [event] = await t.auditFor(created.id);
    expect(event).toMatchObject({ action: "user.created", entityType: "user" });
    expect(event?.changes).toMatchObject({ roles: { from: null, to: ["counselor"] }, teamIds: { to: [teamId] } });
    expect(JSON.stringify(event)).not.toContain("a long enough passphrase");
    expect(event?.requestId).toBeTruthy();

    const listed = (await api.admin.users.list()).find((u) => u.id === created.id);
    expect(listed).toMatchObject({ email: "maya@example.org", roles: ["counselor"], teamIds: [teamId], active: true });
    expect(listed).not.toHaveProperty("passwordHash");
  });

  it("refuses a second account with the same email as CONFLICT", async () => {
    const { api } = await admin();
    await api.admin.users.create(newUserInput("twice@example.org"));
    const before = await auditCount();
    await expect(api.admin.users.create(newUserInput("TWICE@example.org"))).rejects.toMatchObject({
      code: "CONFLICT",
      message: "email_taken",
    });
    expect(await auditCount()).toBe(before);
  });

  it("refuses invalid input with zod field errors", async () => {
    const { api } = await admin();
    const error = await api.admin.users
      .create({ ...newUserInput("bad"), password: "short", roles: [] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("updates roles and teams, audits the changed fields and ends the user's sessions", async () => {
    const { api } = await admin();
    const worker = await t.signedInUser({ agencyId, roles: ["social_worker"] });
    const otherTeam = await makeTeam(t.db, agencyId);
    const before = await auditCount();
    const updated = await api.admin.users.update({
      userId: worker.user.id,
      version: worker.user.version,
      roles: ["social_worker", "supervisor"],
      teamIds: [otherTeam.id],
    });
    expect(updated?.version).toBe(worker.user.version + 1);
    expect(await auditCount()).toBe(before + 1);
    const [event] = await t.auditFor(worker.user.id);
    expect(event?.changes).toEqual({
      roles: { from: ["social_worker"], to: ["social_worker", "supervisor"] },
      teamIds: { from: [], to: [otherTeam.id] },
    });
    await expect(worker.api.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const { api } = await admin();
    const worker = await t.signedInUser({ agencyId, roles: ["social_worker"] });
    await api.admin.users.update({ userId: worker.user.id, version: 0, displayName: "First edit" });
    const before = await auditCount();
    await expect(
      api.admin.users.update({ userId: worker.user.id, version: 0, displayName: "Second edit" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const [row] = await t.db.select({ name: users.displayName }).from(users).where(eq(users.id, worker.user.id));
    expect(row?.name).toBe("First edit");
    expect(await auditCount()).toBe(before);
  });

  it("refuses a team of another agency", async () => {
    const { api } = await admin();
    const foreignTeam = await makeTeam(t.db, (await makeAgency(t.db)).id);
    await expect(
      api.admin.users.create({ ...newUserInput("foreign-team@example.org"), teamIds: [foreignTeam.id] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "unknown_team" });
  });

  it("deactivates a user: their sessions end and they cannot sign in; reactivation is audited too", async () => {
    const { api } = await admin();
    const worker = await t.signedInUser({ agencyId, roles: ["counselor"] });
    const deactivated = await api.admin.users.deactivate({ userId: worker.user.id, version: 0 });
    expect(deactivated?.active).toBe(false);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, worker.user.id))).toHaveLength(0);
    await expect(worker.api.auth.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await api.admin.users.reactivate({ userId: worker.user.id, version: 1 });
    const actions = (await t.auditFor(worker.user.id)).map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(["user.reactivated", "user.deactivated"]);
  });

  it("does not let administrators deactivate themselves or drop their own admin role", async () => {
    const me = await admin();
    await expect(me.api.admin.users.deactivate({ userId: me.user.id, version: 0 })).rejects.toMatchObject({
      message: "cannot_deactivate_self",
    });
    await expect(
      me.api.admin.users.update({ userId: me.user.id, version: 0, roles: ["supervisor"] }),
    ).rejects.toMatchObject({ message: "cannot_demote_self" });
  });

  it("keeps agencies apart: another agency's users are invisible and NOT_FOUND", async () => {
    const otherAgency = await makeAgency(t.db);
    const outsider = await t.signedInUser({ agencyId: otherAgency.id, roles: ["social_worker"] });
    const { api } = await admin();
    const listed = await api.admin.users.list();
    expect(listed.some((u) => u.id === outsider.user.id)).toBe(false);
    await expect(api.admin.users.deactivate({ userId: outsider.user.id, version: 0 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("admin.teams", () => {
  it("creates, lists and renames a team, one audit event each", async () => {
    const { api } = await admin();
    const before = await auditCount();
    const team = await api.admin.teams.create({ name: "Tim Anggrek" });
    expect(await auditCount()).toBe(before + 1);
    const renamed = await api.admin.teams.rename({ teamId: team.id, version: team.version, name: "Tim Kenanga" });
    expect(renamed?.name).toBe("Tim Kenanga");
    expect(await auditCount()).toBe(before + 2);
    expect((await api.admin.teams.list()).map((row) => row.name)).toContain("Tim Kenanga");
    const [event] = await t.auditFor(team.id);
    expect(event).toMatchObject({ action: "team.renamed", changes: { name: { from: "Tim Anggrek", to: "Tim Kenanga" } } });
  });

  it("refuses a duplicate name and a stale rename with CONFLICT", async () => {
    const { api } = await admin();
    const team = await api.admin.teams.create({ name: "Tim Dahlia" });
    await expect(api.admin.teams.create({ name: "Tim Dahlia" })).rejects.toMatchObject({ code: "CONFLICT" });
    await api.admin.teams.rename({ teamId: team.id, version: 0, name: "Tim Dahlia 2" });
    await expect(api.admin.teams.rename({ teamId: team.id, version: 0, name: "Tim Dahlia 3" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});
