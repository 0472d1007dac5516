import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseCareTeam, cases, clients, count, createDb, goalReviews, outcomeAssessments, planGoals, queryRows, sql, type DbHandle } from "@lentera/db";
import { generateDataset } from "./generate";
import { benchKeyring } from "./keys";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createDb();
  await handle.migrate();
});
afterAll(() => handle.close());

describe("generateDataset", () => {
  it("fills every table with cases whose identity is encrypted, reproducibly from the seed", async () => {
    const summary = await generateDataset(handle.db, { cases: 300, seed: 7, keyring: benchKeyring(7), casesPerAgency: 200, now: new Date("2026-11-01T00:00:00Z") });
    expect(summary).toMatchObject({ agencies: 2, cases: 300, teams: 10 });
    const [caseCount] = await handle.db.select({ n: count() }).from(cases);
    expect(caseCount?.n).toBe(300);
    const [careCount] = await handle.db.select({ n: count() }).from(caseCareTeam);
    expect(careCount?.n).toBeGreaterThanOrEqual(300);
    const [sample] = await handle.db.select({ identity: clients.identityCiphertext, alias: clients.alias }).from(clients).orderBy(clients.id).limit(1);
    expect(sample?.identity).toMatch(/^v1\.bench\./);

    // Plans: at most one version in force per case, goals in every core domain, reviews and assessments.
    const [plans] = await queryRows<{ in_force: number; cases_with_two: number }>(
      handle.db,
      sql`select count(*) filter (where status = 'approved')::int as in_force,
            (select count(*)::int from (select case_id from plan_versions where status = 'approved' group by case_id having count(*) > 1) x) as cases_with_two
          from plan_versions`,
    );
    expect(plans?.in_force).toBeGreaterThan(150);
    expect(plans?.cases_with_two).toBe(0);
    const [domains] = await queryRows<{ n: number }>(handle.db, sql`select count(distinct domain)::int as n from plan_goals`);
    expect(domains?.n).toBe(3);
    for (const table of [planGoals, goalReviews, outcomeAssessments]) {
      const [rows] = await handle.db.select({ n: count() }).from(table);
      expect(rows?.n).toBeGreaterThan(300);
    }

    // Appointments: about 20 per case over three years, no two scheduled ones of a staff member
    // overlapping (the exclusion constraint accepted every row), a few still to come.
    const [appointmentStats] = await queryRows<{ n: number; future: number; attended: number; no_show: number }>(
      handle.db,
      sql`select count(*)::int as n,
            count(*) filter (where status = 'scheduled' and starts_at > '2026-11-01')::int as future,
            count(*) filter (where status = 'attended')::int as attended,
            count(*) filter (where status = 'no_show')::int as no_show
          from appointments`,
    );
    expect(appointmentStats?.n).toBeGreaterThan(300 * 5);
    expect(appointmentStats?.n).toBeLessThan(300 * 25);
    expect(appointmentStats?.future).toBeGreaterThan(100);
    expect(appointmentStats?.attended).toBeGreaterThan(appointmentStats?.no_show ?? 0);

    // The same seed gives the same people.
    const again = await createDb();
    await again.migrate();
    await generateDataset(again.db, { cases: 300, seed: 7, keyring: benchKeyring(7), casesPerAgency: 200, now: new Date("2026-11-01T00:00:00Z") });
    const [sameSample] = await again.db.select({ alias: clients.alias }).from(clients).orderBy(clients.id).limit(1);
    expect(sameSample?.alias).toBe(sample?.alias);
    const [numbers] = await queryRows<{ n: number }>(again.db, sql`select count(distinct case_number)::int as n from cases`);
    expect(numbers?.n).toBe(300);
    await again.close();
  });
});
