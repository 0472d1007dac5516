import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "@tanstack/react-query";
import { errorMessageKey } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { RefusedChange } from "../../ui/refused-change";
import { TextField } from "../../ui/text-field";

/**
 * "Subscribe in your calendar app": a personal .ics link behind a secret token. The link is shown
 * once (only its hash is kept); a new one replaces the old; revoking stops it at once.
 */
export function FeedPanel() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const create = useMutation(trpc.appointments.feed.create.mutationOptions());
  const revoke = useMutation(trpc.appointments.feed.revoke.mutationOptions());
  const [copied, setCopied] = useState(false);
  const url = create.data ? new URL(create.data.path, window.location.origin).toString() : null;
  const error = create.error ?? revoke.error;

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false); // not allowed here: the link can still be selected and copied by hand
    }
  };

  return (
    <section className="card feed" aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading">{t("appointments.feed.heading")}</h2>
      <p>{t("appointments.feed.intro")}</p>
      <p className="banner banner--warning">{t("appointments.feed.warning")}</p>
      {url && (
        <div className="feed__link">
          <TextField label={t("appointments.feed.link")} hint={t("appointments.feed.once")} readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
          <button type="button" className="button button--secondary" onClick={() => void copy()}>
            {copied ? t("appointments.feed.copied") : t("appointments.feed.copy")}
          </button>
        </div>
      )}
      {revoke.data && !url && (
        <p role="status">{revoke.data.revoked ? t("appointments.feed.revoked") : t("appointments.feed.noneToRevoke")}</p>
      )}
      <RefusedChange message={error ? t(errorMessageKey(error)) : null} />
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={create.isPending}
          onClick={() => {
            setCopied(false);
            revoke.reset();
            create.mutate();
          }}
        >
          {create.isPending ? t("common.loading") : url ? t("appointments.feed.replace") : t("appointments.feed.create")}
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={revoke.isPending}
          onClick={() => {
            create.reset();
            revoke.mutate();
          }}
        >
          {t("appointments.feed.revoke")}
        </button>
      </div>
    </section>
  );
}
