import { useTranslation } from "react-i18next";
import { useFormContext, useWatch } from "react-hook-form";
import { SelectField } from "../../ui/select-field";
import type { DraftForm } from "./draft-values";
import type { OwnerOptions } from "./plan-types";

/** One choice for a goal's owner: a staff member of the case's team or a partner organization. */
export function OwnerSelect({ index, options, error }: { index: number; options: OwnerOptions | undefined; error?: string | undefined }) {
  const { t } = useTranslation();
  const { control, setValue } = useFormContext<DraftForm>();
  const [userId, partnerId] = useWatch({ control, name: [`goals.${index}.ownerUserId`, `goals.${index}.ownerPartnerId`] });
  const value = userId ? `user:${userId}` : partnerId ? `partner:${partnerId}` : "";
  // An owner who is no longer on the lists (left the team, partner archived) stays until changed.
  const listed =
    value === "" ||
    !options ||
    options.staff.some((person) => `user:${person.id}` === value) ||
    options.partners.some((partner) => `partner:${partner.id}` === value);

  return (
    <SelectField
      label={t("plans.fields.owner")}
      error={error}
      value={value}
      onChange={(event) => {
        const [kind, id] = event.target.value.split(":");
        setValue(`goals.${index}.ownerUserId`, kind === "user" && id ? id : null, { shouldDirty: true });
        setValue(`goals.${index}.ownerPartnerId`, kind === "partner" && id ? id : null, { shouldDirty: true });
      }}
    >
      <option value="">{t("plans.editor.noOwner")}</option>
      {!listed && <option value={value}>{t("plans.editor.currentOwner")}</option>}
      {options && options.staff.length > 0 && (
        <optgroup label={t("plans.editor.staff")}>
          {options.staff.map((person) => (
            <option key={person.id} value={`user:${person.id}`}>
              {person.name}
            </option>
          ))}
        </optgroup>
      )}
      {options && options.partners.length > 0 && (
        <optgroup label={t("plans.editor.partners")}>
          {options.partners.map((partner) => (
            <option key={partner.id} value={`partner:${partner.id}`}>
              {partner.name}
            </option>
          ))}
        </optgroup>
      )}
    </SelectField>
  );
}
