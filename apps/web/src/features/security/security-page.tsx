import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { Loading } from "../../ui/loading";
import { Notice, type NoticeMessage } from "../../ui/notice";
import { QueryError } from "../../ui/query-error";
import { useDateFormat } from "../cases/format";
import { CurrentCodeForm } from "./current-code-form";
import { Enrolment } from "./enrolment";
import { RecoveryCodes } from "./recovery-codes";
import { SessionsSection } from "./sessions-section";

/** Every signed-in user's page: two-factor sign-in (set up, new recovery codes, off when allowed) and their sessions. */
export function SecurityPage() {
  const { t } = useTranslation();
  usePageTitle(t("security.title"));
  return (
    <>
      <h1>{t("security.title")}</h1>
      <p>{t("security.intro")}</p>
      <TwoFactorSection />
      <SessionsSection />
    </>
  );
}

function TwoFactorSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useDateFormat();
  const status = useQuery(trpc.auth.twoFactor.status.queryOptions());
  const [enrolling, setEnrolling] = useState(false);
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.auth.twoFactor.status.queryFilter());
  const regenerate = useMutation(trpc.auth.twoFactor.regenerateRecoveryCodes.mutationOptions());
  const disable = useMutation(trpc.auth.twoFactor.disable.mutationOptions());

  if (status.isPending) return <Loading />;
  if (status.isError) return <QueryError error={status.error} onRetry={() => void status.refetch()} />;
  const { enabled, enabledAt, required, recoveryCodesLeft } = status.data;

  if (newCodes) {
    return (
      <RecoveryCodes
        codes={newCodes}
        onDone={() => {
          setNewCodes(null);
          void refresh();
        }}
      />
    );
  }
  if (enrolling) {
    return (
      <Enrolment
        onDone={() => {
          setEnrolling(false);
          setNotice({ kind: "success", key: "security.enrol.enabled" });
          void refresh();
        }}
      />
    );
  }

  return (
    <section className="card form-section" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">{t("security.twoFactor.heading")}</h2>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {enabled && enabledAt ? (
        <>
          <p>{t("security.twoFactor.on", { date: format.date(enabledAt) })}</p>
          {required && <p>{t("security.twoFactor.required")}</p>}
          <p>{t("security.twoFactor.codesLeft", { number: String(recoveryCodesLeft) })}</p>
          <CurrentCodeForm
            id="regenerate-codes"
            heading={t("security.twoFactor.regenerateHeading")}
            submit={t("security.twoFactor.regenerate")}
            submitting={t("security.twoFactor.regenerating")}
            onSubmit={async (code) => {
              setNotice(null);
              const { recoveryCodes } = await regenerate.mutateAsync({ code });
              setNewCodes(recoveryCodes);
            }}
          />
          {!required && (
            <CurrentCodeForm
              id="disable-two-factor"
              heading={t("security.twoFactor.disableHeading")}
              submit={t("security.twoFactor.disable")}
              submitting={t("security.twoFactor.disabling")}
              danger
              onSubmit={async (code) => {
                await disable.mutateAsync({ code });
                setNotice({ kind: "success", key: "security.twoFactor.disabled" });
                await refresh();
              }}
            />
          )}
        </>
      ) : (
        <>
          <p>{required ? t("security.twoFactor.required") : t("security.twoFactor.off")}</p>
          <button type="button" className="button button--primary" onClick={() => setEnrolling(true)}>
            {t("security.twoFactor.setUp")}
          </button>
        </>
      )}
    </section>
  );
}
