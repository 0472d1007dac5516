import type { TRPCRouterRecord } from "@trpc/server";
import {
  bookAppointmentInput,
  bookSeriesInput,
  calendarInput,
  cancelAppointmentInput,
  caseIdInput,
  noShowRatesInput,
  recordOutcomeInput,
  rescheduleAppointmentInput,
  updateAppointmentInput,
  updateSeriesInput,
} from "@lentera/domain";
import { authedProcedure } from "../trpc";
import { bookAppointment, bookSeries } from "../appointments/book";
import { cancelAppointment, rescheduleAppointment, updateAppointment } from "../appointments/change";
import { updateSeries } from "../appointments/series";
import { recordOutcome } from "../appointments/outcome";
import { calendar, caseAppointments, overdueOutcomes, reminders, staffOptions } from "../appointments/read";
import { noShowRates } from "../appointments/rates";
import { createFeedToken, revokeFeedToken } from "../appointments/feed";

// Access to each case is decided inside the services by requireCaseAccess() (one rule, in @lentera/domain).
export const appointmentsRouter = {
  book: authedProcedure.input(bookAppointmentInput).mutation(({ ctx, input }) => bookAppointment(ctx, input)),
  bookSeries: authedProcedure.input(bookSeriesInput).mutation(({ ctx, input }) => bookSeries(ctx, input)),
  update: authedProcedure.input(updateAppointmentInput).mutation(({ ctx, input }) => updateAppointment(ctx, input)),
  updateSeries: authedProcedure.input(updateSeriesInput).mutation(({ ctx, input }) => updateSeries(ctx, input)),
  cancel: authedProcedure.input(cancelAppointmentInput).mutation(({ ctx, input }) => cancelAppointment(ctx, input)),
  reschedule: authedProcedure.input(rescheduleAppointmentInput).mutation(({ ctx, input }) => rescheduleAppointment(ctx, input)),
  recordOutcome: authedProcedure.input(recordOutcomeInput).mutation(({ ctx, input }) => recordOutcome(ctx, input)),
  byCase: authedProcedure.input(caseIdInput).query(({ ctx, input }) => caseAppointments(ctx, input.caseId)),
  calendar: authedProcedure.input(calendarInput).query(({ ctx, input }) => calendar(ctx, input)),
  overdueOutcomes: authedProcedure.query(({ ctx }) => overdueOutcomes(ctx)),
  noShowRates: authedProcedure.input(noShowRatesInput).query(({ ctx, input }) => noShowRates(ctx, input)),
  staffOptions: authedProcedure.input(caseIdInput).query(({ ctx, input }) => staffOptions(ctx, input.caseId)),
  reminders: authedProcedure.query(({ ctx }) => reminders(ctx)),
  feed: {
    create: authedProcedure.mutation(({ ctx }) => createFeedToken(ctx)),
    revoke: authedProcedure.mutation(({ ctx }) => revokeFeedToken(ctx)),
  },
} satisfies TRPCRouterRecord;
