import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { AGENCY_WIDE_GRANTABLE_ROLES, agencySettingsFormSchema, CORE_PLAN_DOMAINS, NOTE_FORMATS, OPTIONAL_PLAN_DOMAINS, SUGGESTED_TIME_ZONES } from "@lentera/domain";
import type { RouterOutputs } from "@lentera/api";
import { useTRPC } from "../../lib/trpc";
import { domainCodeOf, errorMessageKey, showFieldErrors } from "../../lib/api-errors";
import { CheckboxField } from "../../ui/checkbox-field";
import { CheckboxGroup } from "../../ui/checkbox-group";
import { Notice, type NoticeMessage } from "../../ui/notice";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { requiredWhenEmpty } from "../cases/form-errors";

type AgencySettings = RouterOutputs["admin"]["settings"]["get"];
type FormInput = z.input<typeof agencySettingsFormSchema>;
type FormOutput = z.output<typeof agencySettingsFormSchema>;
const FIELDS = [
  "optionalPlanDomains",
  "allowPlanSelfApproval",
  "reviewIntervalDays",
  "timeZone",
  "defaultNoteFormat",
  "milestoneVerificationRequired",
  "noContactDays",
  "agencyWideDashboardRoles",
  "requireTwoFactor",
  "retentionMonths",
] as const;

const formValues = (settings: AgencySettings): FormInput => ({
  optionalPlanDomains: settings.optionalPlanDomains,
  allowPlanSelfApproval: settings.allowPlanSelfApproval,
  reviewIntervalDays: settings.reviewIntervalDays,
  timeZone: settings.timeZone,
  defaultNoteFormat: settings.defaultNoteFormat,
  milestoneVerificationRequired: settings.milestoneVerificationRequired,
  noContactDays: settings.noContactDays,
  agencyWideDashboardRoles: settings.agencyWideDashboardRoles,
  requireTwoFactor: settings.requireTwoFactor,
  retentionMonths: settings.retentionMonths,
});

/** The suggested zones, and the agency's own when it is another one. */
const zoneChoices = (current: string) => (SUGGESTED_TIME_ZONES.some((zone) => zone === current) ? [...SUGGESTED_TIME_ZONES] : [current, ...SUGGESTED_TIME_ZONES]);

/** An empty number input is "required", not NaN; anything else is checked by the shared schema. */
const asNumber = (value: unknown) => (value === "" || value === null || value === undefined ? undefined : Number(value));

/**
 * Saved with the version it was read at. When the server's copy changes (after saving, or after
 * a conflict reloads it) the form shows the server's values again.
 */
export function SettingsForm({ settings }: { settings: AgencySettings }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.admin.settings.update.mutationOptions());
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const alwaysOnId = `${useId()}-always`;
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(agencySettingsFormSchema, { error: requiredWhenEmpty }),
    values: formValues(settings),
  });

  const onSubmit = handleSubmit(async (values) => {
    setNotice(null);
    try {
      const saved = await update.mutateAsync({ ...values, version: settings.version });
      queryClient.setQueryData(trpc.admin.settings.get.queryKey(), saved);
      setNotice({ kind: "success", key: "settings.saved" });
      // Plans read the enabled domains and review dates, milestones the verification rule, My work
      // the days without contact; a user with a case role sees them fresh.
      await Promise.all([
        queryClient.invalidateQueries(trpc.plans.pathFilter()),
        queryClient.invalidateQueries(trpc.milestones.pathFilter()),
        queryClient.invalidateQueries(trpc.myWork.pathFilter()),
        // Who has the agency-wide dashboard may have changed (an administrator can hold another role).
        queryClient.invalidateQueries(trpc.auth.me.queryFilter()),
        queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
      ]);
    } catch (error) {
      if (domainCodeOf(error) === "stale_version") {
        setNotice({ kind: "error", key: "settings.staleVersion" });
        await queryClient.invalidateQueries(trpc.admin.settings.pathFilter());
        return;
      }
      if (!showFieldErrors(error, FIELDS, setError)) setNotice({ kind: "error", key: errorMessageKey(error) });
    }
  });

  return (
    <>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <form className="form settings-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <section className="card form-section" aria-labelledby="settings-domains-heading">
          <h2 id="settings-domains-heading">{t("settings.domainsHeading")}</h2>
          <div className="settings-form__always">
            <p id={alwaysOnId}>{t("settings.alwaysOn")}</p>
            <ul className="tag-list" aria-labelledby={alwaysOnId}>
              {CORE_PLAN_DOMAINS.map((domain) => (
                <li key={domain} className="tag">
                  {t(`settings.domains.${domain}`)}
                </li>
              ))}
            </ul>
          </div>
          <Controller
            control={control}
            name="optionalPlanDomains"
            render={({ field, fieldState }) => (
              <CheckboxGroup
                legend={t("settings.optionalDomains")}
                options={OPTIONAL_PLAN_DOMAINS.map((domain) => ({ value: domain, label: t(`settings.domains.${domain}`) }))}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
        </section>
        <section className="card form-section" aria-labelledby="settings-approval-heading">
          <h2 id="settings-approval-heading">{t("settings.approvalHeading")}</h2>
          <CheckboxField label={t("settings.allowSelfApproval")} hint={t("settings.allowSelfApprovalHint")} {...register("allowPlanSelfApproval")} />
        </section>
        <section className="card form-section" aria-labelledby="settings-review-heading">
          <h2 id="settings-review-heading">{t("settings.reviewHeading")}</h2>
          <TextField
            label={t("settings.reviewIntervalDays")}
            hint={t("settings.reviewIntervalHint")}
            type="number"
            inputMode="numeric"
            min={7}
            max={365}
            step={1}
            className="field--short"
            error={errors.reviewIntervalDays?.message}
            {...register("reviewIntervalDays", { setValueAs: asNumber })}
          />
        </section>
        <section className="card form-section" aria-labelledby="settings-milestones-heading">
          <h2 id="settings-milestones-heading">{t("settings.milestonesHeading")}</h2>
          <CheckboxField
            label={t("settings.milestoneVerificationRequired")}
            hint={t("settings.milestoneVerificationRequiredHint")}
            {...register("milestoneVerificationRequired")}
          />
        </section>
        <section className="card form-section" aria-labelledby="settings-my-work-heading">
          <h2 id="settings-my-work-heading">{t("settings.myWorkHeading")}</h2>
          <TextField
            label={t("settings.noContactDays")}
            hint={t("settings.noContactDaysHint")}
            type="number"
            inputMode="numeric"
            min={7}
            max={365}
            step={1}
            className="field--short"
            error={errors.noContactDays?.message}
            {...register("noContactDays", { setValueAs: asNumber })}
          />
        </section>
        <section className="card form-section" aria-labelledby="settings-dashboard-heading">
          <h2 id="settings-dashboard-heading">{t("settings.dashboardHeading")}</h2>
          <p className="field__hint">{t("settings.agencyWideDashboardRolesHint")}</p>
          <Controller
            control={control}
            name="agencyWideDashboardRoles"
            render={({ field, fieldState }) => (
              <CheckboxGroup
                legend={t("settings.agencyWideDashboardRoles")}
                options={AGENCY_WIDE_GRANTABLE_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
        </section>
        <section className="card form-section" aria-labelledby="settings-time-zone-heading">
          <h2 id="settings-time-zone-heading">{t("settings.timeZoneHeading")}</h2>
          <SelectField label={t("settings.timeZone")} hint={t("settings.timeZoneHint")} error={errors.timeZone?.message} {...register("timeZone")}>
            {zoneChoices(settings.timeZone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </SelectField>
        </section>
        <section className="card form-section" aria-labelledby="settings-notes-heading">
          <h2 id="settings-notes-heading">{t("settings.noteFormatHeading")}</h2>
          <SelectField
            label={t("settings.defaultNoteFormat")}
            hint={t("settings.defaultNoteFormatHint")}
            error={errors.defaultNoteFormat?.message}
            {...register("defaultNoteFormat")}
          >
            {NOTE_FORMATS.map((format) => (
              <option key={format} value={format}>
                {t(`settings.noteFormats.${format}`)}
              </option>
            ))}
          </SelectField>
        </section>
        <section className="card form-section" aria-labelledby="settings-security-heading">
          <h2 id="settings-security-heading">{t("settings.securityHeading")}</h2>
          <CheckboxField label={t("settings.requireTwoFactor")} hint={t("settings.requireTwoFactorHint")} {...register("requireTwoFactor")} />
          <TextField
            label={t("settings.retentionMonths")}
            hint={t("settings.retentionMonthsHint")}
            type="number"
            inputMode="numeric"
            min={12}
            max={1200}
            step={1}
            className="field--short"
            error={errors.retentionMonths?.message}
            {...register("retentionMonths", { setValueAs: asNumber })}
          />
        </section>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? t("settings.saving") : t("settings.save")}
          </button>
        </div>
      </form>
    </>
  );
}
