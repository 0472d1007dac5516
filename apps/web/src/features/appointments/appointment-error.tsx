import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { domainCodeOf, domainDetailsOf, errorMessageKey, reasonOf } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { RefusedChange } from "../../ui/refused-change";
import { formatTimeRange } from "./appointment-time";

interface Span {
  startsAt: string;
  endsAt: string;
}

const isSpan = (value: unknown): value is Span =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as { startsAt?: unknown }).startsAt === "string" &&
  typeof (value as { endsAt?: unknown }).endsAt === "string";

/** The times of the appointments a refused booking clashed with (all of them for a series), first one first. */
export function clashingSpans(error: unknown): Span[] {
  if (reasonOf(error) !== "appointment_clash") return [];
  const details = domainDetailsOf(error);
  const clashes = Array.isArray(details?.clashes) ? (details.clashes as unknown[]) : [];
  const spans = clashes.flatMap((clash) => {
    const existing = typeof clash === "object" && clash !== null ? (clash as { existing?: unknown }).existing : undefined;
    return isSpan(existing) ? [existing] : [];
  });
  if (spans.length === 0 && isSpan(details)) spans.push({ startsAt: details.startsAt, endsAt: details.endsAt });
  const seen = new Set<string>();
  return spans.filter((span) => (seen.has(span.startsAt) ? false : (seen.add(span.startsAt), true)));
}

/** Reloads every appointment query (calendars, case tabs, reminders) after a change. */
export function useRefreshAppointments() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries(trpc.appointments.pathFilter()), [queryClient, trpc]);
}

/** The words for a refused appointment change: a clash names the time(s) already taken. */
export function useAppointmentErrorMessage() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown, agencyZone: string): string => {
      const clashes = clashingSpans(error);
      const range = (span: Span) => formatTimeRange(new Date(span.startsAt), new Date(span.endsAt), i18n.language, agencyZone);
      const [first] = clashes;
      if (clashes.length > 1) return t("appointments.clash.many", { times: clashes.map(range).join("; ") });
      if (first) return t("errors.appointment_clash", { time: range(first) });
      if (domainCodeOf(error) === "stale_version") return t("appointments.stale");
      return t(errorMessageKey(error));
    },
    [t, i18n.language],
  );
}

/** Why a booking or change was refused, next to the form; a stale or closed one offers a reload. */
export function AppointmentChangeError({ error, agencyZone }: { error: unknown; agencyZone: string }) {
  const { t } = useTranslation();
  const message = useAppointmentErrorMessage();
  const refresh = useRefreshAppointments();
  const present = error !== null && error !== undefined;
  const stale = domainCodeOf(error) === "stale_version" || reasonOf(error) === "appointment_not_scheduled";
  return (
    <RefusedChange
      message={present ? message(error, agencyZone) : null}
      reload={stale ? { label: t("appointments.reload"), run: refresh } : null}
    />
  );
}
