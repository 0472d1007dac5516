import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import type { CaseOverview } from "../cases/case-types";
import { AddMilestoneForm } from "./add-milestone-form";
import { CatalogEntryForm } from "./catalog-entry-form";
import { MilestoneCard } from "./milestone-card";
import { goalChoices, goalTitles, groupByDomain } from "./milestone-text";
import type { CaseMilestonesData, MilestoneCatalogData } from "./milestone-types";
import { useDisclosureForm } from "./use-disclosure-form";
import { useMilestoneNames } from "./use-milestone-names";

/** The agency's catalog changes rarely: read it once in a while, not on every visit. */
const CATALOG_STALE_MS = 5 * 60_000;

/**
 * A case's reintegration milestones by area: what is planned, reached, verified or lost again, each
 * with its history; adding one, changing its status, and a supervisor's verification.
 */
export function MilestonesSection({ caseData }: { caseData: CaseOverview }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const milestones = useQuery(trpc.milestones.byCase.queryOptions({ caseId: caseData.id }));
  const catalog = useQuery(trpc.milestones.catalog.queryOptions(undefined, { staleTime: CATALOG_STALE_MS }));

  return (
    <section aria-labelledby="case-milestones-heading" className="card milestones">
      <h2 id="case-milestones-heading">{t("milestones.section.heading")}</h2>
      {milestones.isPending || catalog.isPending ? (
        <Loading />
      ) : milestones.isError ? (
        <QueryError error={milestones.error} onRetry={() => void milestones.refetch()} />
      ) : catalog.isError ? (
        <QueryError error={catalog.error} onRetry={() => void catalog.refetch()} />
      ) : (
        <MilestonesBody caseId={caseData.id} data={milestones.data} catalog={catalog.data} />
      )}
    </section>
  );
}

function MilestonesBody({ caseId, data, catalog }: { caseId: string; data: CaseMilestonesData; catalog: MilestoneCatalogData }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // The plan's goals name linked goals and are offered for linking (the plan section reads the same query).
  const plan = useQuery(trpc.plans.byCase.queryOptions({ caseId }));
  const names = useMilestoneNames(catalog.entries);
  const { open, close, opener } = useDisclosureForm<"add" | "kind">();
  const goals = goalChoices(plan.data);
  const titles = goalTitles(plan.data);
  const groups = groupByDomain(data.milestones);
  const canAdd = data.canTrack;
  const canAddKind = catalog.canManage;

  return (
    <>
      {data.verificationRequired && <p className="field__hint">{t("milestones.section.verificationRequired")}</p>}
      {open === "add" ? (
        <AddMilestoneForm caseId={caseId} catalog={catalog.entries} goals={goals} names={names} onDone={close} />
      ) : open === "kind" ? (
        <CatalogEntryForm names={names} onDone={close} />
      ) : (
        (canAdd || canAddKind) && (
          <div className="action-list">
            {canAdd && (
              <button type="button" className="button button--primary" {...opener("add")}>
                {t("milestones.add.open")}
              </button>
            )}
            {canAddKind && (
              <button type="button" className="button button--secondary" {...opener("kind")}>
                {t("milestones.catalog.open")}
              </button>
            )}
          </div>
        )
      )}
      {groups.length === 0 ? (
        <p className="empty">{t("milestones.section.empty")}</p>
      ) : (
        groups.map((group) => (
          <div key={group.domain} className="milestone-group">
            <h3>{t(`milestones.domain.${group.domain}`)}</h3>
            <ul className="milestone-list">
              {group.items.map((milestone) => (
                <li key={milestone.id}>
                  <MilestoneCard
                    milestone={milestone}
                    label={names.label(milestone)}
                    goals={goals}
                    goalTitle={milestone.goalKey ? (titles.get(milestone.goalKey) ?? null) : null}
                    canTrack={data.canTrack}
                    canVerify={data.canVerify}
                  />
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </>
  );
}
