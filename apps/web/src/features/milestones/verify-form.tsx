import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "@tanstack/react-query";
import { useCurrentUser } from "../../app/current-user";
import { useTRPC } from "../../lib/trpc";
import { TextareaField } from "../../ui/textarea-field";
import { useDateFormat } from "../cases/format";
import { MilestoneChangeError, useMilestoneSaved } from "./milestone-change";
import { verifyRefusal, verifyRequest, type VerifyDecision } from "./milestone-form-values";
import type { MilestoneItem } from "./milestone-types";

/**
 * A supervisor's decision on an achievement that awaits verification: verify it, or return it
 * with a note (it goes back to "in progress"). Whoever recorded the achievement cannot verify it.
 */
export function VerifyForm({ milestone, label }: { milestone: MilestoneItem; label: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const user = useCurrentUser();
  const format = useDateFormat();
  const saved = useMilestoneSaved();
  const verify = useMutation(trpc.milestones.verify.mutationOptions());
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | undefined>(undefined);
  const own = milestone.achievedBy?.id === user.id;

  const decide = async (decision: VerifyDecision) => {
    verify.reset();
    const refusal = verifyRefusal(decision, note);
    setNoteError(refusal ?? undefined);
    if (refusal) return;
    try {
      await verify.mutateAsync(verifyRequest(milestone, decision, note));
    } catch {
      return; // shown by MilestoneChangeError
    }
    await saved(decision === "verify" ? "milestones.done.verified" : "milestones.done.returned", { label });
  };

  return (
    <form className="form subform milestone__verify" noValidate onSubmit={(event) => event.preventDefault()}>
      <h5 className="subform__title">
        {t("milestones.verify.heading")}
      </h5>
      <p>
        {own
          ? t("milestones.verify.own")
          : t("milestones.verify.intro", {
              name: milestone.achievedBy?.name ?? "",
              date: milestone.achievedOn ? format.date(milestone.achievedOn) : "",
            })}
      </p>
      <TextareaField
        label={t("milestones.field.note")}
        hint={t("milestones.field.returnNoteHint")}
        value={note}
        error={noteError}
        onChange={(event) => setNote(event.target.value)}
      />
      <MilestoneChangeError error={verify.error} />
      <div className="button-row">
        {!own && (
          <button type="button" className="button button--primary" disabled={verify.isPending} onClick={() => void decide("verify")}>
            {t("milestones.verify.verify")}
          </button>
        )}
        <button type="button" className="button button--secondary" disabled={verify.isPending} onClick={() => void decide("reject")}>
          {t("milestones.verify.return")}
        </button>
      </div>
    </form>
  );
}
