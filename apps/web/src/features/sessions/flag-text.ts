import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { RISK_FLAG_KINDS, type RiskFlagKind } from "@lentera/domain";

const isFlagKind = (value: string): value is RiskFlagKind => (RISK_FLAG_KINDS as readonly string[]).includes(value);

/** A flag's reasons in words, in the vocabulary's order: "thoughts of self-harm, unsafe at home". */
export function useFlagKinds() {
  const { t } = useTranslation();
  return useCallback(
    (kinds: readonly string[]) =>
      RISK_FLAG_KINDS.filter((kind) => kinds.includes(kind))
        .map((kind) => t(`sessions.flagKind.${kind}`))
        .concat(kinds.filter((kind) => !isFlagKind(kind)))
        .join(", "),
    [t],
  );
}
