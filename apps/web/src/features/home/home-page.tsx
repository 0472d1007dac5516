import { lazy, Suspense, useEffect } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { MY_WORK_LIMIT } from "@lentera/domain";
import { useCurrentUser } from "../../app/current-user";
import { loadCatalogPart } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { Loading } from "../../ui/loading";
import { worksOnCases } from "../cases/case-permissions";
import { countsOf } from "../my-work/work-counts";
import { AlertsCard } from "./alerts-card";
import { AppointmentRemindersCard } from "./appointment-reminders-card";

// My work's code and words arrive with the page, beside its data (the request starts below).
const MyWork = lazy(() =>
  Promise.all([import("../my-work/my-work"), loadCatalogPart("work")]).then(([module]) => ({ default: module.MyWork })),
);

/** Home is My work: what the user must do today, then the alerts and reminders that go with it. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t("nav.myWork"));
  const user = useCurrentUser();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const caseWork = worksOnCases(user);
  const socialWork = user.roles.includes("social_worker");
  // Fresh on every visit (the user comes back here after doing an item), and kept fresh while open
  // at the navigation count's pace, so the page and the count never disagree for long.
  const work = useQuery({
    ...trpc.myWork.get.queryOptions(),
    enabled: caseWork,
    refetchOnMount: "always",
    refetchOnWindowFocus: true,
    refetchInterval: 60_000,
  });
  // Asked for now, shown below My work once it is there (see below).
  useQuery({ ...trpc.appointments.reminders.queryOptions(), enabled: caseWork });

  // The navigation's count follows what the page shows, without asking again.
  useEffect(() => {
    if (work.data) queryClient.setQueryData(trpc.myWork.counts.queryKey(), countsOf(work.data, MY_WORK_LIMIT));
  }, [work.data, queryClient, trpc]);

  return (
    <>
      <h1>{t("nav.myWork")}</h1>
      {caseWork ? (
        <Suspense fallback={<Loading />}>
          <MyWork work={work} />
          {/* Below My work, and only once it is there: nothing the reader sees jumps down under them. */}
          {!work.isPending && (
            <div className="cards">
              <AlertsCard />
              {/* A social worker's missing outcomes are in My work; the others still see them here. */}
              <AppointmentRemindersCard outcomes={!socialWork} />
            </div>
          )}
        </Suspense>
      ) : (
        <p>{t("home.adminNoCaseWork")}</p>
      )}
    </>
  );
}
