import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import type { CaseOverview } from "../cases/case-types";
import { EvidenceLog } from "./evidence-log";
import { isCareTeamOnly } from "./harm-errors";
import { HarmItems } from "./harm-items";
import type { CaseOnlineHarmData } from "./harm-types";
import { LegalProcessPanel } from "./legal-process";

/**
 * The case's online-harm record. Anyone who may read the case sees how many items are still online;
 * the care team alone sees the items (their addresses on demand), the takedown requests, the
 * append-only evidence log and the legal process (the server refuses the others: care_team_only).
 */
export function OnlineHarmSection({ caseData }: { caseData: CaseOverview }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const onTeam = caseData.access === "care_team";
  const counts = useQuery(trpc.onlineHarm.counts.queryOptions({ caseId: caseData.id }));

  // Off the care team, a case with nothing found online shows no section at all (nor a flash of one).
  if (!onTeam && (counts.isPending || counts.isError || counts.data.itemsTotal === 0)) return null;

  return (
    <section aria-labelledby="case-online-harm-heading" className="card card--protected online-harm">
      <h2 id="case-online-harm-heading">
        {t("harm.heading")} {onTeam && <span className="protected-tag">{t("harm.protected")}</span>}
      </h2>
      {counts.isPending ? (
        <Loading />
      ) : counts.isError ? (
        <QueryError error={counts.error} onRetry={() => void counts.refetch()} />
      ) : (
        <p className="online-harm__counts">
          <strong>{t("harm.counts", { online: String(counts.data.itemsOnline), total: String(counts.data.itemsTotal) })}</strong>
        </p>
      )}
      {onTeam ? <CareTeamDetails caseId={caseData.id} /> : <p className="field__hint">{t("harm.careTeamOnly")}</p>}
    </section>
  );
}

function CareTeamDetails({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const record = useQuery(trpc.onlineHarm.byCase.queryOptions({ caseId }, { retry: (count, error) => !isCareTeamOnly(error) && count < 2 }));

  if (record.isPending) return <Loading />;
  if (record.isError) {
    if (isCareTeamOnly(record.error)) return <p className="field__hint">{t("harm.careTeamOnly")}</p>;
    return <QueryError error={record.error} onRetry={() => void record.refetch()} />;
  }
  return <HarmRecord caseId={caseId} data={record.data} />;
}

function HarmRecord({ caseId, data }: { caseId: string; data: CaseOnlineHarmData }) {
  return (
    <>
      <HarmItems caseId={caseId} items={data.items} />
      <EvidenceLog caseId={caseId} entries={data.evidence} items={data.items} />
      <LegalProcessPanel caseId={caseId} legal={data.legalProcess} />
    </>
  );
}
