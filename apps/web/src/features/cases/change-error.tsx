import { useTranslation } from "react-i18next";
import { domainCodeOf, errorMessageKey } from "../../lib/api-errors";
import { RefusedChange } from "../../ui/refused-change";
import { useCaseChange } from "./case-context";

/** The message for a refused change on a case. */
export function caseErrorKey(error: unknown): string {
  const code = domainCodeOf(error);
  if (code === "stale_version") return "cases.page.stale";
  // Never say whether the case exists: the same words as when opening it.
  if (code === "not_found") return "cases.page.notFound";
  return errorMessageKey(error);
}

/**
 * Why a change on the case failed, next to the form that asked. When someone else changed the
 * case first, the user's text stays in the form until they choose to reload.
 */
export function ChangeError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { reload } = useCaseChange();
  const present = error !== null && error !== undefined;
  const stale = domainCodeOf(error) === "stale_version";
  return (
    <RefusedChange
      message={present ? t(caseErrorKey(error)) : null}
      reload={stale ? { label: t("cases.page.reload"), run: reload } : null}
    />
  );
}
