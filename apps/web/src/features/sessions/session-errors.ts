import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { RISK_CHECK_ITEMS, type ScreeningDefinition } from "@lentera/domain";
import { domainCodeOf, domainDetailsOf, errorMessageKey, reasonOf } from "../../lib/api-errors";
import { localText } from "../outcomes/instrument-text";
import { isLocale } from "../../i18n";

const isRiskItem = (value: unknown): value is (typeof RISK_CHECK_ITEMS)[number] =>
  typeof value === "string" && (RISK_CHECK_ITEMS as readonly string[]).includes(value);

/** The strings of a list the server attached to an error (`details.items`, `details.instruments`). */
function detailList(error: unknown, key: string): string[] {
  const value = domainDetailsOf(error)?.[key];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];
}

/** Someone else saved or signed this note first: only a reload shows what is true now. */
export function noteNeedsReload(error: unknown): boolean {
  return domainCodeOf(error) === "stale_version" || reasonOf(error) === "note_signed";
}

/**
 * The words for a refused save, sign or discard of a note. An incomplete risk check names the
 * items still open; an incomplete screening names the instrument.
 */
export function useNoteErrorMessage(definitions: readonly ScreeningDefinition[] = []) {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown): string => {
      if (domainCodeOf(error) === "stale_version") return t("sessions.errors.stale");
      const reason = reasonOf(error);
      if (reason === "risk_check_incomplete") {
        const items = detailList(error, "items").filter(isRiskItem);
        const names = items.map((item) => t(`sessions.flagKind.${item}`));
        return names.length > 0 ? `${t("errors.risk_check_incomplete")} ${t("sessions.sign.stillOpen", { items: names.join(", ") })}` : t("errors.risk_check_incomplete");
      }
      if (reason === "screening_incomplete") {
        const locale = isLocale(i18n.language) ? i18n.language : "en";
        const names = detailList(error, "instruments").map((code) => {
          const definition = definitions.find((candidate) => candidate.code === code);
          return definition ? localText(definition.name, locale) : code;
        });
        return names.length > 0
          ? `${t("errors.screening_incomplete")} ${t("sessions.sign.incompleteScreenings", { instruments: names.join(", ") })}`
          : t("errors.screening_incomplete");
      }
      return t(errorMessageKey(error));
    },
    [t, i18n.language, definitions],
  );
}
