import { useTranslation } from "react-i18next";

export interface NoticeMessage {
  kind: "success" | "error";
  key: string;
  values?: Record<string, string>;
}

/**
 * The outcome of the last action. Both live regions are always in the page so that screen readers
 * announce what is put into them: successes politely, errors at once.
 */
export function Notice({ notice, onDismiss }: { notice: NoticeMessage | null; onDismiss: () => void }) {
  return (
    <>
      <div role="status" className="notice-region">
        {notice?.kind === "success" && <NoticeBody notice={notice} onDismiss={onDismiss} />}
      </div>
      <div role="alert" className="notice-region">
        {notice?.kind === "error" && <NoticeBody notice={notice} onDismiss={onDismiss} />}
      </div>
    </>
  );
}

function NoticeBody({ notice, onDismiss }: { notice: NoticeMessage; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className={`notice notice--${notice.kind}`}>
      <p>{t(notice.key, notice.values)}</p>
      <button type="button" className="button button--quiet" onClick={onDismiss}>
        {t("common.dismiss")}
      </button>
    </div>
  );
}
