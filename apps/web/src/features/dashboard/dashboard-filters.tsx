import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Dashboard, DashboardFilter } from "@lentera/domain";
import { CheckboxField } from "../../ui/checkbox-field";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { changeFilter, choosesScope, filterToApply, periodProblem, type DashboardViewer, type FilterChange } from "./dashboard-filter";
import { filterToSearch } from "./filter-url";

interface DashboardFiltersProps {
  /** The filter in the address (what the figures below are counted with). */
  filter: DashboardFilter;
  /** The teams and workers the latest answer offers. */
  choices: Pick<Dashboard, "teams" | "workers">;
  viewer: DashboardViewer;
  onApply: (filter: DashboardFilter) => void;
}

/**
 * Scope, team, worker and period. A choice applies at once (the figures below stay until the new
 * ones arrive); a period once both of its dates make one the server accepts. The controls show
 * the user's choice at once, as the address (which they follow) changes a moment later.
 */
export function DashboardFilters({ filter, choices, viewer, onApply }: DashboardFiltersProps) {
  const { t } = useTranslation();
  const problemId = `${useId()}-problem`;
  const [draft, setDraft] = useState(filter);
  // The address changed (a choice applied, the back button, a link): show what it holds. Not
  // remounted, so the focus stays where the user is.
  const addressKey = filterToSearch(filter).toString();
  const [shownKey, setShownKey] = useState(addressKey);
  if (shownKey !== addressKey) {
    setShownKey(addressKey);
    setDraft(filter);
  }
  const problem = periodProblem(draft.from, draft.to);

  function change(what: FilterChange) {
    const next = changeFilter(draft, what);
    setDraft(next);
    const applied = filterToApply(next, filter);
    if (applied) onApply(applied);
  }

  return (
    <div className="dashboard-filters">
      {choosesScope(viewer) ? (
        <CheckboxField
          label={t("dashboard.filter.wholeAgency")}
          hint={t("dashboard.filter.wholeAgencyHint")}
          checked={draft.agencyWide}
          onChange={(event) => change({ kind: "scope", agencyWide: event.target.checked })}
        />
      ) : (
        viewer.dashboard === "agency" && <p className="field__hint">{t("dashboard.filter.agencyOnly")}</p>
      )}
      <div className="filter-grid">
        <SelectField
          label={t("dashboard.filter.team")}
          value={draft.teamId ?? ""}
          onChange={(event) => change({ kind: "team", teamId: event.target.value || undefined })}
        >
          <option value="">{t("dashboard.filter.allTeams")}</option>
          {choices.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("dashboard.filter.worker")}
          hint={t("dashboard.filter.workerHint")}
          value={draft.workerId ?? ""}
          onChange={(event) => change({ kind: "worker", workerId: event.target.value || undefined })}
        >
          <option value="">{t("dashboard.filter.everyone")}</option>
          {choices.workers.map((worker) => (
            <option key={worker.id} value={worker.id}>
              {worker.name}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="dashboard-filters__period">
        <legend className="field__label">{t("dashboard.filter.period")}</legend>
        <p className="field__hint">{t("dashboard.filter.periodHint")}</p>
        <div className="filter-grid">
          <TextField
            label={t("dashboard.filter.from")}
            type="date"
            required
            value={draft.from}
            onChange={(event) => change({ kind: "period", from: event.target.value, to: draft.to })}
            aria-invalid={problem !== null || undefined}
            aria-describedby={problem ? problemId : undefined}
          />
          <TextField
            label={t("dashboard.filter.to")}
            type="date"
            required
            value={draft.to}
            onChange={(event) => change({ kind: "period", from: draft.from, to: event.target.value })}
            aria-invalid={problem !== null || undefined}
            aria-describedby={problem ? problemId : undefined}
          />
        </div>
        {problem && (
          <p id={problemId} className="field__error" role="alert">
            {t(problem)}
          </p>
        )}
      </fieldset>
    </div>
  );
}
