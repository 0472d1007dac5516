import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { LEGAL_STAGE_MILESTONES, LEGAL_STAGES } from "@lentera/domain";
import { domainCodeOf, showFieldErrors } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { FormActions } from "../../ui/form-actions";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { TextareaField } from "../../ui/textarea-field";
import { requiredWhenEmpty } from "../cases/form-errors";
import { todayIso, useDateFormat } from "../cases/format";
import { useDisclosureForm } from "../milestones/use-disclosure-form";
import { HarmChangeError, useHarmSaved, useRefreshHarm } from "./harm-change";
import { investigatingPartners, legalFormDefaults, legalFormSchema, legalRequest, type LegalFormValues } from "./harm-form-values";
import type { LegalProcess } from "./harm-types";

const PARTNERS_STALE_MS = 5 * 60_000;

/** The stages that mark a legal milestone achieved, named in the hint (the milestone names are the milestones part's). */
const MILESTONE_STAGES = LEGAL_STAGES.filter((stage) => LEGAL_STAGE_MILESTONES[stage] !== undefined);

/** The case's legal process: report number, investigating unit, stage, accompaniment. */
export function LegalProcessPanel({ caseId, legal }: { caseId: string; legal: LegalProcess | null }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const { open, close, opener } = useDisclosureForm<"edit">();
  const stages = MILESTONE_STAGES.map((stage) => t(`harm.legalStage.${stage}`)).join(", ");

  return (
    <div className="online-harm__part">
      <h3>{t("harm.legal.heading")}</h3>
      {legal ? (
        <dl className="facts">
          <div className="fact">
            <dt>{t("harm.field.stage")}</dt>
            <dd>{t("harm.legal.stageOn", { stage: t(`harm.legalStage.${legal.stage}`), date: format.date(legal.stageOn) })}</dd>
          </div>
          <div className="fact">
            <dt>{t("harm.field.policeReportNumber")}</dt>
            <dd>{legal.policeReportNumber ?? "—"}</dd>
          </div>
          <div className="fact">
            <dt>{t("harm.field.investigatingUnit")}</dt>
            <dd>{[legal.investigatingUnitPartner?.name, legal.investigatingUnit].filter(Boolean).join(" — ") || "—"}</dd>
          </div>
          <div className="fact">
            <dt>{t("harm.field.accompaniment")}</dt>
            <dd className="prewrap">{legal.accompaniment ?? "—"}</dd>
          </div>
        </dl>
      ) : (
        <p className="empty">{t("harm.legal.empty")}</p>
      )}
      <p className="field__hint">{t("harm.legal.hearings")}</p>
      <p className="field__hint">{t("harm.legal.milestones", { stages })}</p>
      {open === "edit" ? (
        <LegalForm caseId={caseId} legal={legal} onDone={close} />
      ) : (
        <div className="action-list">
          <button type="button" className="button button--secondary" {...opener("edit")}>
            {legal ? t("harm.legal.edit") : t("harm.legal.record")}
          </button>
        </div>
      )}
    </div>
  );
}

function LegalForm({ caseId, legal, onDone }: { caseId: string; legal: LegalProcess | null; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const saved = useHarmSaved();
  const refresh = useRefreshHarm();
  const partners = useQuery(trpc.partners.list.queryOptions(undefined, { staleTime: PARTNERS_STALE_MS }));
  const save = useMutation(trpc.onlineHarm.saveLegalProcess.mutationOptions());
  const [reloaded, setReloaded] = useState(false);
  const today = todayIso();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<LegalFormValues>({
    resolver: zodResolver(legalFormSchema, { error: requiredWhenEmpty }),
    defaultValues: legalFormDefaults(legal, today),
  });
  const units = investigatingPartners(partners.data ?? [], legal?.investigatingUnitPartner ?? null);

  const onSubmit = handleSubmit(async (values) => {
    save.reset();
    setReloaded(false);
    let milestone: string | null;
    try {
      // The version last seen: after a reload it is the latest one, so saving again is deliberate.
      milestone = (await save.mutateAsync(legalRequest(caseId, legal?.version ?? 0, values))).milestoneAchieved;
    } catch (failure) {
      if (domainCodeOf(failure) === "stale_version") {
        // Someone else saved meanwhile: show theirs above, keep this form's text, and say so.
        await refresh();
        save.reset();
        setReloaded(true);
        return;
      }
      showFieldErrors(
        failure,
        ["policeReportNumber", "investigatingUnitPartnerId", "investigatingUnit", "stage", "stageOn", "accompaniment"] as const,
        setError,
      );
      return;
    }
    onDone();
    await saved(milestone ? "harm.done.legalSavedMilestone" : "harm.done.legalSaved");
  });

  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h4>{legal ? t("harm.legal.edit") : t("harm.legal.record")}</h4>
      <div className="field-row">
        <SelectField label={t("harm.field.stage")} autoFocus error={errors.stage?.message} {...register("stage")}>
          {LEGAL_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {t(`harm.legalStage.${stage}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("harm.field.stageOn")} type="date" max={today} className="field--short" error={errors.stageOn?.message} {...register("stageOn")} />
      </div>
      <TextField label={t("harm.field.policeReportNumber")} autoComplete="off" error={errors.policeReportNumber?.message} {...register("policeReportNumber")} />
      <div className="field-row">
        <SelectField
          label={t("harm.field.investigatingPartner")}
          hint={partners.isError ? t("harm.partnersUnavailable") : undefined}
          error={errors.investigatingUnitPartnerId?.message}
          {...register("investigatingUnitPartnerId")}
        >
          <option value="">{t("harm.field.noPartner")}</option>
          {units.map((partner) => (
            <option key={partner.id} value={partner.id}>
              {partner.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("harm.field.investigatingUnit")}
          hint={t("harm.field.investigatingUnitHint")}
          autoComplete="off"
          error={errors.investigatingUnit?.message}
          {...register("investigatingUnit")}
        />
      </div>
      <TextareaField label={t("harm.field.accompaniment")} hint={t("harm.field.accompanimentHint")} error={errors.accompaniment?.message} {...register("accompaniment")} />
      <div role="status" className="notice-region">
        {reloaded && (
          <div className="notice notice--warning">
            <p>{t("harm.legal.reloaded")}</p>
          </div>
        )}
      </div>
      <HarmChangeError error={save.error} />
      <FormActions submitting={isSubmitting} submitLabel={t("harm.legal.submit")} submittingLabel={t("harm.saving")} onCancel={onDone} />
    </form>
  );
}
