import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { showFieldErrors } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { FormActions } from "../../ui/form-actions";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { TextareaField } from "../../ui/textarea-field";
import { requiredWhenEmpty } from "../cases/form-errors";
import { todayIso, useDateFormat } from "../cases/format";
import { useDisclosureForm } from "../milestones/use-disclosure-form";
import { HarmChangeError, useHarmSaved } from "./harm-change";
import {
  collectedFormSchema,
  collectedRequest,
  emptyCollectedForm,
  emptyHandOverForm,
  handOverFormSchema,
  handOverRequest,
  shortHash,
  type CollectedFormValues,
  type HandOverFormValues,
} from "./harm-form-values";
import type { EvidenceEntry, HarmItem } from "./harm-types";

/** The directory changes rarely: read it once in a while, not on every visit. */
const PARTNERS_STALE_MS = 5 * 60_000;

/** The evidence log with its chain of custody: append-only, so a correction is a new entry. */
export function EvidenceLog({ caseId, entries, items }: { caseId: string; entries: readonly EvidenceEntry[]; items: readonly HarmItem[] }) {
  const { t } = useTranslation();
  const { open, close, opener } = useDisclosureForm<"collected" | "handOver">();
  const collected = entries.filter((entry) => entry.kind === "collected");
  const itemTitle = (item: HarmItem) => t("harm.item.title", { kind: t(`harm.itemKind.${item.kind}`), platform: item.platformName });

  return (
    <div className="online-harm__part">
      <h3>{t("harm.evidence.heading")}</h3>
      <p className="field__hint">{t("harm.evidence.appendOnly")}</p>
      {open === "collected" ? (
        <CollectedForm caseId={caseId} items={items.map((item) => ({ id: item.id, label: itemTitle(item) }))} onDone={close} />
      ) : open === "handOver" ? (
        <HandOverForm caseId={caseId} collected={collected} onDone={close} />
      ) : (
        <div className="action-list">
          <button type="button" className="button button--secondary" {...opener("collected")}>
            {t("harm.evidence.recordCollected")}
          </button>
          {collected.length > 0 && (
            <button type="button" className="button button--secondary" {...opener("handOver")}>
              {t("harm.evidence.recordHandOver")}
            </button>
          )}
        </div>
      )}
      {entries.length === 0 ? <p className="empty">{t("harm.evidence.empty")}</p> : <EvidenceTable entries={entries} />}
    </div>
  );
}

function EvidenceTable({ entries }: { entries: readonly EvidenceEntry[] }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const captionId = useId();
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table data-table--wide">
        <caption id={captionId}>{t("harm.evidence.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("harm.field.date")}</th>
            <th scope="col">{t("harm.field.entryKind")}</th>
            <th scope="col">{t("harm.field.description")}</th>
            <th scope="col">{t("harm.field.sha256Short")}</th>
            <th scope="col">{t("harm.field.partnerOrPerson")}</th>
            <th scope="col">{t("harm.field.recordedBy")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="cell--nowrap">{format.date(entry.on)}</td>
              <th scope="row">{t(`harm.evidenceKind.${entry.kind}`)}</th>
              <td>{entry.description}</td>
              <td>
                {entry.sha256 ? (
                  <code title={entry.sha256}>
                    <span aria-hidden="true">{shortHash(entry.sha256)}</span>
                    <span className="visually-hidden">{entry.sha256}</span>
                  </code>
                ) : (
                  "—"
                )}
              </td>
              <td>{entry.partner?.name ?? entry.person ?? "—"}</td>
              <td>{entry.recordedBy.name}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CollectedForm({ caseId, items, onDone }: { caseId: string; items: readonly { id: string; label: string }[]; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const saved = useHarmSaved();
  const record = useMutation(trpc.onlineHarm.recordEvidence.mutationOptions());
  const today = todayIso();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CollectedFormValues>({
    resolver: zodResolver(collectedFormSchema, { error: requiredWhenEmpty }),
    defaultValues: emptyCollectedForm(today),
  });

  const onSubmit = handleSubmit(async (values) => {
    record.reset();
    try {
      await record.mutateAsync(collectedRequest(caseId, values));
    } catch (failure) {
      showFieldErrors(failure, ["description", "sha256", "on", "itemId"] as const, setError);
      return;
    }
    onDone();
    await saved("harm.done.evidenceRecorded");
  });

  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h4>{t("harm.evidence.recordCollected")}</h4>
      <p className="field__hint">{t("harm.evidence.collectedExplanation")}</p>
      <TextareaField label={t("harm.field.description")} hint={t("harm.field.descriptionHint")} autoFocus error={errors.description?.message} {...register("description")} />
      <TextField
        label={t("harm.field.sha256")}
        hint={t("harm.field.sha256Hint")}
        autoComplete="off"
        spellCheck={false}
        inputMode="text"
        maxLength={64}
        error={errors.sha256?.message}
        {...register("sha256")}
      />
      <div className="field-row">
        <TextField label={t("harm.field.collectedOn")} type="date" max={today} className="field--short" error={errors.on?.message} {...register("on")} />
        {items.length > 0 && (
          <SelectField label={t("harm.field.item")} error={errors.itemId?.message} {...register("itemId")}>
            <option value="">{t("harm.field.noItem")}</option>
            {items.map((item) => (
              <option key={item.id} value={item.id}>
                {item.label}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <HarmChangeError error={record.error} />
      <FormActions submitting={isSubmitting} submitLabel={t("harm.evidence.submit")} submittingLabel={t("harm.saving")} onCancel={onDone} />
    </form>
  );
}

function HandOverForm({ caseId, collected, onDone }: { caseId: string; collected: readonly EvidenceEntry[]; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useDateFormat();
  const saved = useHarmSaved();
  const partners = useQuery(trpc.partners.list.queryOptions(undefined, { staleTime: PARTNERS_STALE_MS }));
  const record = useMutation(trpc.onlineHarm.recordEvidence.mutationOptions());
  const today = todayIso();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<HandOverFormValues>({
    resolver: zodResolver(handOverFormSchema, { error: requiredWhenEmpty }),
    defaultValues: emptyHandOverForm(today),
  });

  const onSubmit = handleSubmit(async (values) => {
    record.reset();
    try {
      await record.mutateAsync(handOverRequest(caseId, values));
    } catch (failure) {
      showFieldErrors(failure, ["evidenceId", "description", "on", "partnerId", "person"] as const, setError);
      return;
    }
    onDone();
    await saved("harm.done.handOverRecorded");
  });

  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h4>{t("harm.evidence.recordHandOver")}</h4>
      <SelectField label={t("harm.field.evidence")} autoFocus error={errors.evidenceId?.message} {...register("evidenceId")}>
        <option value="">{t("harm.choose")}</option>
        {collected.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {t("harm.evidence.option", { date: format.date(entry.on), description: entry.description.slice(0, 80) })}
          </option>
        ))}
      </SelectField>
      <div className="field-row">
        <SelectField
          label={t("harm.field.partner")}
          hint={partners.isError ? t("harm.partnersUnavailable") : undefined}
          error={errors.partnerId?.message}
          {...register("partnerId")}
        >
          <option value="">{t("harm.field.noPartner")}</option>
          {(partners.data ?? []).map((partner) => (
            <option key={partner.id} value={partner.id}>
              {partner.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t("harm.field.person")} hint={t("harm.field.personHint")} autoComplete="off" error={errors.person?.message} {...register("person")} />
      </div>
      <TextareaField label={t("harm.field.handOverDescription")} hint={t("harm.field.handOverDescriptionHint")} error={errors.description?.message} {...register("description")} />
      <TextField label={t("harm.field.handedOverOn")} type="date" max={today} className="field--short" error={errors.on?.message} {...register("on")} />
      <HarmChangeError error={record.error} />
      <FormActions submitting={isSubmitting} submitLabel={t("harm.evidence.submitHandOver")} submittingLabel={t("harm.saving")} onCancel={onDone} />
    </form>
  );
}
