import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import type { AdminUser } from "./admin-types";

interface UserActionsProps {
  user: AdminUser;
  onSucceeded: (key: string, values?: Record<string, string>) => Promise<void>;
  onFailed: (error: unknown) => Promise<void>;
}

/** End every session of an account, deactivate it (asks first: the person is signed out at once) or reactivate it. */
export function UserActions({ user, onSucceeded, onFailed }: UserActionsProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const name = user.displayName;
  const target = { userId: user.id, version: user.version };

  const deactivate = useMutation(
    trpc.admin.users.deactivate.mutationOptions({
      onSuccess: () => onSucceeded("users.deactivated", { name }),
      onError: (error) => onFailed(error),
      onSettled: () => setConfirming(false),
    }),
  );
  const reactivate = useMutation(
    trpc.admin.users.reactivate.mutationOptions({
      onSuccess: () => onSucceeded("users.reactivated", { name }),
      onError: (error) => onFailed(error),
    }),
  );

  // A lost phone or a shared computer left signed in: the person signs in again wherever they are.
  const endSessions = useMutation(
    trpc.admin.users.endSessions.mutationOptions({
      onSuccess: () => onSucceeded("users.sessionsEnded", { name }),
      onError: (error) => onFailed(error),
    }),
  );

  if (!user.active) {
    return (
      <button
        type="button"
        className="button button--secondary"
        disabled={reactivate.isPending}
        onClick={() => reactivate.mutate(target)}
      >
        {reactivate.isPending ? t("users.reactivating") : t("users.reactivate")}
        <span className="visually-hidden"> {name}</span>
      </button>
    );
  }

  if (!confirming) {
    return (
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={endSessions.isPending}
          onClick={() => endSessions.mutate({ userId: user.id })}
        >
          {endSessions.isPending ? t("users.endingSessions") : t("users.endSessions")}
          <span className="visually-hidden"> {name}</span>
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setConfirming(true)}
        >
          {t("users.deactivate")}
          <span className="visually-hidden"> {name}</span>
        </button>
      </div>
    );
  }

  return (
    <div className="confirm">
      <p>{t("users.confirmDeactivate", { name })}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--danger"
          // The question replaced the button that had focus; keep the keyboard user on it.
          autoFocus
          disabled={deactivate.isPending}
          onClick={() => deactivate.mutate(target)}
        >
          {deactivate.isPending ? t("users.deactivating") : t("users.confirmDeactivateButton")}
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={deactivate.isPending}
          onClick={() => setConfirming(false)}
        >
          {t("common.cancel")}
        </button>
      </div>
    </div>
  );
}
