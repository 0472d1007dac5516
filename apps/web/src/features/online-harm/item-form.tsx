import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { HARM_ITEM_FINDERS, HARM_ITEM_KINDS, PLATFORM_KINDS } from "@lentera/domain";
import { showFieldErrors } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { FormActions } from "../../ui/form-actions";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { TextareaField } from "../../ui/textarea-field";
import { requiredWhenEmpty } from "../cases/form-errors";
import { todayIso } from "../cases/format";
import { HarmChangeError, useHarmSaved } from "./harm-change";
import { emptyItemForm, itemFormSchema, itemRequest, type ItemFormValues } from "./harm-form-values";

const ITEM_FIELDS = ["kind", "platformKind", "platformName", "locator", "foundOn", "foundBy", "note"] as const;

/**
 * Records an item found online: where it is, never the content. There is no file input: the form
 * says why, and the server refuses content pasted into a text field all the same.
 */
export function ItemForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const saved = useHarmSaved();
  const record = useMutation(trpc.onlineHarm.recordItem.mutationOptions());
  const today = todayIso();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ItemFormValues>({
    resolver: zodResolver(itemFormSchema, { error: requiredWhenEmpty }),
    defaultValues: emptyItemForm(today),
  });

  const onSubmit = handleSubmit(async (values) => {
    record.reset();
    try {
      await record.mutateAsync(itemRequest(caseId, values));
    } catch (failure) {
      showFieldErrors(failure, ITEM_FIELDS, setError);
      return;
    }
    onDone();
    await saved("harm.done.itemRecorded");
  });

  return (
    <form className="form subform" noValidate onSubmit={(event) => void onSubmit(event)}>
      <h4>{t("harm.items.record")}</h4>
      <p className="field__hint">{t("harm.items.formExplanation")}</p>
      <div className="field-row">
        <SelectField label={t("harm.field.kind")} autoFocus error={errors.kind?.message} {...register("kind")}>
          <option value="">{t("harm.choose")}</option>
          {HARM_ITEM_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`harm.itemKind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("harm.field.platformKind")} error={errors.platformKind?.message} {...register("platformKind")}>
          <option value="">{t("harm.choose")}</option>
          {PLATFORM_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`harm.platformKind.${kind}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField label={t("harm.field.platformName")} hint={t("harm.field.platformNameHint")} autoComplete="off" error={errors.platformName?.message} {...register("platformName")} />
      <TextareaField
        label={t("harm.field.locator")}
        hint={t("harm.field.locatorHint")}
        rows={2}
        autoComplete="off"
        spellCheck={false}
        error={errors.locator?.message}
        {...register("locator")}
      />
      <div className="field-row">
        <TextField label={t("harm.field.foundOn")} type="date" max={today} className="field--short" error={errors.foundOn?.message} {...register("foundOn")} />
        <SelectField label={t("harm.field.foundBy")} error={errors.foundBy?.message} {...register("foundBy")}>
          <option value="">{t("harm.choose")}</option>
          {HARM_ITEM_FINDERS.map((finder) => (
            <option key={finder} value={finder}>
              {t(`harm.finder.${finder}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextareaField label={t("harm.field.note")} hint={t("harm.field.noteHint")} error={errors.note?.message} {...register("note")} />
      <HarmChangeError error={record.error} />
      <FormActions submitting={isSubmitting} submitLabel={t("harm.items.submit")} submittingLabel={t("harm.saving")} onCancel={onDone} />
    </form>
  );
}
