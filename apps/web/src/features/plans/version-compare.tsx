import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { SelectField } from "../../ui/select-field";
import { PlanDiff } from "./plan-diff";
import type { PlanVersionSummary } from "./plan-types";

/** Any two versions side by side, goal by goal: the same "what changed" as before a decision. */
export function VersionCompare({ versions }: { versions: readonly PlanVersionSummary[] }) {
  const { t } = useTranslation();
  // Newest first: by default the version before the newest, against the newest.
  const [fromId, setFromId] = useState(versions[1]?.id ?? "");
  const [toId, setToId] = useState(versions[0]?.id ?? "");
  const options = versions.map((version) => (
    <option key={version.id} value={version.id}>
      {t("plans.version.number", { number: String(version.number) })} — {t(`plans.versionStatus.${version.status}`)}
    </option>
  ));

  return (
    <div className="version-compare">
      <h4>{t("plans.compare.heading")}</h4>
      <div className="field-row">
        <SelectField label={t("plans.compare.from")} value={fromId} onChange={(event) => setFromId(event.target.value)}>
          {options}
        </SelectField>
        <SelectField label={t("plans.compare.to")} value={toId} onChange={(event) => setToId(event.target.value)}>
          {options}
        </SelectField>
      </div>
      {fromId === toId ? <p className="field__hint">{t("plans.compare.same")}</p> : <CompareResult fromId={fromId} toId={toId} />}
    </div>
  );
}

function CompareResult({ fromId, toId }: { fromId: string; toId: string }) {
  const trpc = useTRPC();
  const from = useQuery(trpc.plans.version.queryOptions({ versionId: fromId }));
  const to = useQuery(trpc.plans.version.queryOptions({ versionId: toId }));
  if (from.isError) return <QueryError error={from.error} onRetry={() => void from.refetch()} />;
  if (to.isError) return <QueryError error={to.error} onRetry={() => void to.refetch()} />;
  if (from.isPending || to.isPending) return <Loading />;
  return <PlanDiff before={from.data.goals} after={to.data.goals} />;
}
