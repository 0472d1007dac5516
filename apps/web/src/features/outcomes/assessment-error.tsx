import { useTranslation } from "react-i18next";
import { domainCodeOf, reasonOf } from "../../lib/api-errors";
import { RefusedChange } from "../../ui/refused-change";
import { caseErrorKey } from "../cases/change-error";

/** The message for a refused save or completion of an assessment. */
export function assessmentErrorKey(error: unknown): string {
  if (domainCodeOf(error) === "stale_version") return "outcomes.errors.stale";
  return caseErrorKey(error);
}

/** Someone else saved or completed this draft first: the form's copy is out of date. */
export function needsReload(error: unknown): boolean {
  return domainCodeOf(error) === "stale_version" || reasonOf(error) === "assessment_completed";
}

/** Why saving failed, next to the buttons; when the draft changed elsewhere, a way to see the latest. */
export function AssessmentError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  const present = error !== null && error !== undefined;
  return (
    <RefusedChange
      message={present ? t(assessmentErrorKey(error)) : null}
      reload={needsReload(error) ? { label: t("outcomes.errors.reload"), run: onReload } : null}
    />
  );
}
