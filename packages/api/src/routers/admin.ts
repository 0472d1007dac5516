import type { TRPCRouterRecord } from "@trpc/server";
import { createTeamInput, createUserInput, endUserSessionsInput, renameTeamInput, updateAgencySettingsInput, updateUserInput, userIdInput } from "@lentera/domain";
import { permittedProcedure } from "../trpc";
import { createUser, listUsers, setUserActive, updateUser } from "../admin/users";
import { createTeam, listTeams, renameTeam } from "../admin/teams";
import { endUserSessions } from "../auth/session-list";
import { agencyPlanSettings, updateAgencySettings } from "../plans/agency-settings";

const usersProcedure = permittedProcedure("users.manage");
const teamsProcedure = permittedProcedure("teams.manage");
const settingsProcedure = permittedProcedure("settings.manage");

export const adminRouter = {
  users: {
    list: usersProcedure.query(({ ctx }) => listUsers(ctx)),
    create: usersProcedure.input(createUserInput).mutation(({ ctx, input }) => createUser(ctx, input)),
    update: usersProcedure.input(updateUserInput).mutation(({ ctx, input }) => updateUser(ctx, input)),
    deactivate: usersProcedure.input(userIdInput).mutation(({ ctx, input }) => setUserActive(ctx, input, false)),
    reactivate: usersProcedure.input(userIdInput).mutation(({ ctx, input }) => setUserActive(ctx, input, true)),
    /** Ends every session of a user of the caller's agency. */
    endSessions: usersProcedure.input(endUserSessionsInput).mutation(({ ctx, input }) => endUserSessions(ctx, input)),
  },
  teams: {
    list: teamsProcedure.query(({ ctx }) => listTeams(ctx)),
    create: teamsProcedure.input(createTeamInput).mutation(({ ctx, input }) => createTeam(ctx, input)),
    rename: teamsProcedure.input(renameTeamInput).mutation(({ ctx, input }) => renameTeam(ctx, input)),
  },
  settings: {
    get: settingsProcedure.query(({ ctx }) => agencyPlanSettings(ctx)),
    update: settingsProcedure.input(updateAgencySettingsInput).mutation(({ ctx, input }) => updateAgencySettings(ctx, input)),
  },
} satisfies TRPCRouterRecord;
