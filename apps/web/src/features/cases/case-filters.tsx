import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { CASE_STATUSES, HARM_TYPES, LIST_SORTS, RISK_LEVELS } from "@lentera/domain";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import type { ListFilters } from "./list-filters";

interface CaseFiltersProps {
  filters: ListFilters;
  supervisor: boolean;
  onChange: (next: ListFilters) => void;
}

/** Search (on submit, to spare a slow connection a request per key) and filters (at once). */
export function CaseFilters({ filters, supervisor, onChange }: CaseFiltersProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(filters.search);
  const set = <K extends keyof ListFilters>(key: K, value: ListFilters[K]) => onChange({ ...filters, [key]: value });

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onChange({ ...filters, search });
  }

  return (
    <div className="case-filters">
      <form role="search" className="form form--inline" onSubmit={onSearch}>
        <TextField
          label={t("cases.list.search")}
          hint={t("cases.list.searchHint")}
          type="search"
          autoComplete="off"
          spellCheck={false}
          maxLength={60}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <button type="submit" className="button button--secondary">
          {t("cases.list.searchButton")}
        </button>
      </form>
      <div className="filter-grid">
        {supervisor && (
          <SelectField
            label={t("cases.list.scope")}
            value={filters.scope}
            onChange={(event) => set("scope", event.target.value === "team" ? "team" : "mine")}
          >
            <option value="mine">{t("cases.list.mine")}</option>
            <option value="team">{t("cases.list.team")}</option>
          </SelectField>
        )}
        <SelectField
          label={t("cases.labels.status")}
          value={filters.status}
          onChange={(event) => set("status", CASE_STATUSES.find((value) => value === event.target.value) ?? "")}
        >
          <option value="">{t("cases.list.any")}</option>
          {CASE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`cases.status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("cases.labels.riskLevel")}
          value={filters.riskLevel}
          onChange={(event) => set("riskLevel", RISK_LEVELS.find((value) => value === event.target.value) ?? "")}
        >
          <option value="">{t("cases.list.any")}</option>
          {RISK_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`cases.risk.${level}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("cases.labels.harmType")}
          value={filters.harmType}
          onChange={(event) => set("harmType", HARM_TYPES.find((value) => value === event.target.value) ?? "")}
        >
          <option value="">{t("cases.list.any")}</option>
          {HARM_TYPES.map((harm) => (
            <option key={harm} value={harm}>
              {t(`cases.harm.${harm}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("cases.list.sort")}
          value={filters.sort}
          onChange={(event) => set("sort", LIST_SORTS.find((value) => value === event.target.value) ?? "opened_desc")}
        >
          {LIST_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`cases.list.sorts.${sort}`)}
            </option>
          ))}
        </SelectField>
      </div>
    </div>
  );
}
