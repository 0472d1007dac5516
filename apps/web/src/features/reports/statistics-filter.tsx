import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { MAX_REPORT_PERIOD_DAYS, type DashboardFilter } from "@lentera/domain";
import { useCurrentUser } from "../../app/current-user";
import { useTRPC } from "../../lib/trpc";
import { CheckboxField } from "../../ui/checkbox-field";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/** What is wrong with a period, as the server would say it (dashboardFilterInput), or null. */
export function periodProblem(from: string, to: string): "missing" | "order" | "tooLong" | null {
  if (!DAY.test(from) || !DAY.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) return "missing";
  if (from > to) return "order";
  return daysBetween(from, to) > MAX_REPORT_PERIOD_DAYS ? "tooLong" : null;
}

/**
 * The statistics' filter, as on the dashboard: the period (cases opened in it), one team or all in
 * reach, and the whole agency for those the agency granted it. The teams offered come from the
 * dashboard's answer (the teams in reach).
 */
export function StatisticsFilter({ filter, onApply }: { filter: DashboardFilter; onApply: (filter: DashboardFilter) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const user = useCurrentUser();
  const [from, setFrom] = useState(filter.from);
  const [to, setTo] = useState(filter.to);
  const [agencyWide, setAgencyWide] = useState(filter.agencyWide);
  const [teamId, setTeamId] = useState(filter.teamId ?? "");
  const [problem, setProblem] = useState<ReturnType<typeof periodProblem>>(null);
  const reach = useQuery({
    ...trpc.dashboard.get.queryOptions({ filter: { agencyWide, from: filter.from, to: filter.to } }),
    staleTime: 5 * 60_000,
  });
  const teams = reach.data?.teams ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = periodProblem(from, to);
    setProblem(found);
    if (found) return;
    // A team chosen under the other scope may not be in this one's list: then no team.
    const team = teamId === "" || (reach.data && !teams.some((candidate) => candidate.id === teamId)) ? undefined : teamId;
    onApply({ agencyWide, from, to, teamId: team });
  }

  return (
    <form className="form statistics-filter" noValidate onSubmit={submit} aria-labelledby="statistics-filter-heading">
      <h2 id="statistics-filter-heading">{t("reports.filter.heading")}</h2>
      <TextField
        label={t("reports.filter.from")}
        type="date"
        value={from}
        onChange={(event) => setFrom(event.target.value)}
        error={problem === "missing" && !DAY.test(from) ? "validation.date" : undefined}
        required
      />
      <TextField
        label={t("reports.filter.to")}
        type="date"
        value={to}
        onChange={(event) => setTo(event.target.value)}
        error={problem === "order" ? "validation.endBeforeStart" : problem === "missing" && !DAY.test(to) ? "validation.date" : undefined}
        required
      />
      {user.dashboard === "agency" && (
        <CheckboxField
          label={t("reports.filter.wholeAgency")}
          hint={t("reports.filter.wholeAgencyHint")}
          checked={agencyWide}
          onChange={(event) => setAgencyWide(event.target.checked)}
        />
      )}
      <SelectField label={t("reports.filter.team")} value={teamId} onChange={(event) => setTeamId(event.target.value)} disabled={reach.isPending}>
        <option value="">{t(agencyWide ? "reports.filter.allAgencyTeams" : "reports.filter.allYourTeams")}</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </SelectField>
      <div role="alert" className="notice-region">
        {problem === "tooLong" && <p className="notice notice--error">{t("reports.filter.periodTooLong")}</p>}
      </div>
      <button type="submit" className="button button--primary">
        {t("reports.filter.apply")}
      </button>
    </form>
  );
}
