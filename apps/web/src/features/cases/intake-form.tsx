import { useState } from "react";
import { useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { FormProvider, useForm } from "react-hook-form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCurrentUser } from "../../app/current-user";
import { useTRPC } from "../../lib/trpc";
import { errorMessageKey, reasonOf } from "../../lib/api-errors";
import type { CreatedCaseState } from "./created-case-notice";
import { DuplicateWarning } from "./duplicate-warning";
import { IntakeCaseFields } from "./intake-case-fields";
import { IntakeClientFields } from "./intake-client-fields";
import { IntakeIdentityFields } from "./intake-identity-fields";
import { intakeResolver, type IntakeInput, type IntakeOutput } from "./intake-schema";
import { useDuplicateCheck } from "./use-duplicate-check";

export function IntakeForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const create = useMutation(trpc.cases.create.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const { duplicates, check } = useDuplicateCheck();
  const form = useForm<IntakeInput, unknown, IntakeOutput>({
    resolver: intakeResolver,
    defaultValues: {
      client: {
        alias: "",
        birthDate: null,
        estimatedAge: null,
        gender: "",
        languages: [],
        disability: "",
        guardianRelationship: "",
        address: { country: "ID", province: null, regencyCity: "", district: "" },
      },
      identity: {
        legalName: "",
        identityNumbers: [],
        phone: "",
        email: "",
        villageOrCommune: "",
        streetAddress: "",
        guardianName: "",
        guardianContact: "",
      },
      harmTypes: [],
      riskConcerns: "",
      safetyNotes: "",
    },
  });
  const {
    handleSubmit,
    getValues,
    setError,
    formState: { isSubmitting },
  } = form;

  function checkDuplicates() {
    const values = getValues();
    void check({
      legalName: values.identity.legalName,
      birthDate: values.client.birthDate,
      identityNumbers: (values.identity.identityNumbers ?? []).map((row) => row.number),
    });
  }

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    if (user.teams.length > 1 && !values.teamId) {
      setError("teamId", { message: "validation.required" }, { shouldFocus: true });
      return;
    }
    try {
      const created = await create.mutateAsync(values);
      await queryClient.invalidateQueries(trpc.cases.list.pathFilter());
      const state: CreatedCaseState = {
        created: { caseNumber: created.caseNumber, possibleDuplicates: created.possibleDuplicates },
      };
      await navigate(`/cases/${created.id}`, { state });
    } catch (error) {
      const reason = reasonOf(error);
      if (reason === "address_country_mismatch") {
        setError("client.address.country", { message: "errors.address_country_mismatch" }, { shouldFocus: true });
      } else if (reason === "choose_team" || reason === "not_your_team") {
        setError("teamId", { message: `errors.${reason}` }, { shouldFocus: true });
      } else {
        setFormError(errorMessageKey(error));
      }
    }
  });

  return (
    <FormProvider {...form}>
      <form className="form intake-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <IntakeClientFields onBirthDateBlur={checkDuplicates} />
        <IntakeIdentityFields onIdentityBlur={checkDuplicates} />
        <DuplicateWarning duplicates={duplicates} />
        <IntakeCaseFields />
        <div role="alert" className="notice-region">
          {formError && <p className="notice notice--error">{t(formError)}</p>}
        </div>
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? t("cases.intake.submitting") : t("cases.intake.submit")}
        </button>
      </form>
    </FormProvider>
  );
}
