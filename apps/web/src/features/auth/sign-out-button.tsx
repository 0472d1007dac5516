import { useState } from "react";
import { useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { errorMessageKey, isUnauthenticated } from "../../lib/api-errors";
import { clearAllLocalDrafts } from "../sessions/local-draft";

export function SignOutButton() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [errorKey, setErrorKey] = useState<string | null>(null);

  async function leave() {
    // Unsaved session-note text kept on this device is clinical: it does not outlive the session.
    clearAllLocalDrafts();
    await navigate("/sign-in", { replace: true });
    queryClient.clear();
  }

  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: () => void leave(),
      onError: (error) => {
        // Already signed out (session expired): just leave. Otherwise say so; the session is still open.
        if (isUnauthenticated(error)) void leave();
        else setErrorKey(errorMessageKey(error));
      },
    }),
  );

  return (
    <div className="sign-out">
      <button
        type="button"
        className="button button--secondary"
        disabled={signOut.isPending}
        onClick={() => {
          setErrorKey(null);
          signOut.mutate();
        }}
      >
        {signOut.isPending ? t("auth.signingOut") : t("auth.signOut")}
      </button>
      {errorKey && (
        <p role="alert" className="field__error">
          {t("auth.signOutFailed")} {t(errorKey)}
        </p>
      )}
    </div>
  );
}
