import { type z } from "zod";
import { can, DomainError, noShowRate, type noShowRatesInput } from "@lentera/domain";
import { queryRows, sql, type SQL } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { requireCaseAccess } from "../cases/access";
import { supervisedTeamIds } from "./list";

interface CountRow extends Record<string, unknown> {
  key: string;
  label: string;
  attended: number;
  no_show: number;
}

const rated = (row: CountRow) => ({
  attended: Number(row.attended),
  noShow: Number(row.no_show),
  rate: noShowRate(Number(row.attended), Number(row.no_show)),
});

/**
 * No-show rates over appointments that started in a range: for one case (its care team and
 * supervisor), or for every case of the teams a supervisor supervises. Per case and per staff member.
 */
export async function noShowRates(ctx: AuthedContext, input: z.output<typeof noShowRatesInput>) {
  let scope: SQL;
  if (input.caseId) {
    const handle = await requireCaseAccess(ctx, input.caseId, "read");
    scope = sql`a.case_id = ${handle.id}::uuid`;
  } else {
    if (!can(ctx.user, "appointments.team_view")) throw new DomainError("forbidden");
    const teams = supervisedTeamIds(ctx);
    scope = teams.length ? sql`c.team_id in (${sql.join(teams.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;
  }
  const counts = (key: SQL, label: SQL) => queryRows<CountRow>(ctx.db, sql`
    select ${key} as key, ${label} as label,
      count(*) filter (where a.status = 'attended')::int as attended,
      count(*) filter (where a.status = 'no_show')::int as no_show
    from appointments a
    join cases c on c.id = a.case_id
    join users u on u.id = a.staff_user_id
    where a.agency_id = ${ctx.user.agencyId}::uuid and ${scope}
      and a.starts_at >= ${input.from.toISOString()}::timestamptz and a.starts_at < ${input.to.toISOString()}::timestamptz
      and a.status in ('attended', 'no_show')
    group by 1, 2
    order by 2`);
  const [byCase, byStaff] = await Promise.all([counts(sql`a.case_id`, sql`c.case_number`), counts(sql`a.staff_user_id`, sql`u.display_name`)]);
  return {
    byCase: byCase.map((row) => ({ caseId: row.key, caseNumber: row.label, ...rated(row) })),
    byStaff: byStaff.map((row) => ({ staffUserId: row.key, name: row.label, ...rated(row) })),
  };
}
