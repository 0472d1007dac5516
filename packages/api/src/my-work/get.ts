import { MY_WORK_LIMIT, ROLES, type MyWork, type MyWorkCounts, type MyWorkSectionKey, type Role } from "@lentera/domain";
import { queryRows, sql } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { loadWorkEnv, type WorkSection } from "./env";
import { socialWorkerSections } from "./social-worker";
import { takedownFollowUps } from "./takedown-follow-ups";
import { counselorSections } from "./counselor";
import { supervisorSections, teamOverdue } from "./supervisor";

/** Administrators manage accounts and settings, not case content: no section (DOMAIN.md). */
const SECTIONS_BY_ROLE: Record<Role, WorkSection[]> = {
  social_worker: [...socialWorkerSections, takedownFollowUps],
  counselor: counselorSections,
  supervisor: supervisorSections,
  admin: [],
};

/** The sections of every role the user holds, in the roles' order. */
function sectionsOf(ctx: AuthedContext): WorkSection[] {
  return ROLES.filter((role) => ctx.user.roles.includes(role)).flatMap((role) => SECTIONS_BY_ROLE[role]);
}

/**
 * The user's My work, derived from the data at request time (no task table): each section's items,
 * most urgent first, at most MY_WORK_LIMIT, and for a supervisor the team's overdue work per worker.
 */
export async function myWork(ctx: AuthedContext): Promise<MyWork> {
  const sections = sectionsOf(ctx);
  const env = await loadWorkEnv(ctx);
  const supervising = ctx.user.roles.includes("supervisor");
  const [lists, overdue] = await Promise.all([
    Promise.all(sections.map((section) => section.list(env, MY_WORK_LIMIT + 1))),
    supervising ? teamOverdue(env, MY_WORK_LIMIT) : Promise.resolve(null),
  ]);
  return {
    today: env.today,
    timeZone: env.timeZone,
    sections: sections.map((section, index) => {
      const items = lists[index] ?? [];
      return { key: section.key, role: section.role, items: items.slice(0, MY_WORK_LIMIT), truncated: items.length > MY_WORK_LIMIT };
    }),
    teamOverdue: overdue,
  };
}

/** How many items each section holds (at most MY_WORK_LIMIT each), in one statement: the navigation badge. */
export async function myWorkCounts(ctx: AuthedContext): Promise<MyWorkCounts> {
  const sections = sectionsOf(ctx);
  if (sections.length === 0) return { total: 0, bySection: {} };
  const env = await loadWorkEnv(ctx);
  const [row] = await queryRows<Record<string, number>>(
    ctx.db,
    sql`select ${sql.join(
      sections.map((section) => sql`${section.count(env, MY_WORK_LIMIT)} as ${sql.identifier(section.key)}`),
      sql`, `,
    )}`,
  );
  const bySection: Partial<Record<MyWorkSectionKey, number>> = {};
  let total = 0;
  for (const section of sections) {
    const count = Number(row?.[section.key] ?? 0);
    bySection[section.key] = count;
    total += count;
  }
  return { total, bySection };
}
