import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { todayIso, useDateFormat } from "../cases/format";
import { useDisclosureForm } from "../milestones/use-disclosure-form";
import { ItemForm } from "./item-form";
import type { HarmItem, TakedownRequest } from "./harm-types";
import { TakedownForm, UpdateTakedownForm } from "./takedown-forms";

/** An address or identifier leaves the screen by itself after this long (a phone may be shared). */
const SHOWN_FOR_MS = 3 * 60_000;

/** Why Lentera keeps only where the content is, never the content: always on screen beside the items. */
export function ContentExplanation() {
  const { t } = useTranslation();
  return (
    <div className="notice notice--warning">
      <p>{t("harm.items.noContent")}</p>
      <p>{t("harm.items.keepOutside")}</p>
    </div>
  );
}

/** The items found online, each with its takedown requests; recording a new one. */
export function HarmItems({ caseId, items }: { caseId: string; items: readonly HarmItem[] }) {
  const { t } = useTranslation();
  const { open, close, opener } = useDisclosureForm<"record">();
  return (
    <div className="online-harm__part">
      <h3>{t("harm.items.heading")}</h3>
      <ContentExplanation />
      {open === "record" ? (
        <ItemForm caseId={caseId} onDone={close} />
      ) : (
        <div className="action-list">
          <button type="button" className="button button--primary" {...opener("record")}>
            {t("harm.items.record")}
          </button>
        </div>
      )}
      {items.length === 0 ? (
        <p className="empty">{t("harm.items.empty")}</p>
      ) : (
        <ul className="milestone-list online-harm__items">
          {items.map((item) => (
            <li key={item.id}>
              <ItemCard item={item} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ItemCard({ item }: { item: HarmItem }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const titleId = useId();
  const { open, close, opener } = useDisclosureForm<"takedown">();
  const [updating, setUpdating] = useState<string | null>(null);
  const updatingRequest = item.takedowns.find((takedown) => takedown.id === updating) ?? null;

  return (
    <article className={`milestone online-harm__item${item.online === "online" ? " milestone--overdue" : ""}`} aria-labelledby={titleId}>
      <h4 id={titleId} className="milestone__title">{t("harm.item.title", { kind: t(`harm.itemKind.${item.kind}`), platform: item.platformName })}</h4>
      <p className="pill-row">
        <span className={`pill ${item.online === "online" ? "pill--overdue" : "pill--milestone-achieved"}`}>{t(`harm.online.${item.online}`)}</span>
        {item.currentStatus && item.currentStatus !== "removed" && <span className="pill">{t("harm.item.lastStatus", { status: t(`harm.takedownStatus.${item.currentStatus}`) })}</span>}
      </p>
      <dl className="milestone__facts">
        <div>
          <dt>{t("harm.field.platform")}</dt>
          <dd>{t("harm.item.platform", { kind: t(`harm.platformKind.${item.platformKind}`), name: item.platformName })}</dd>
        </div>
        <div>
          <dt>{t("harm.field.found")}</dt>
          <dd>{t("harm.item.found", { date: format.date(item.foundOn), by: t(`harm.finder.${item.foundBy}`) })}</dd>
        </div>
        <div>
          <dt>{t("harm.field.locator")}</dt>
          <dd>
            <LocatorReveal locator={item.locator} />
          </dd>
        </div>
        {item.note && (
          <div>
            <dt>{t("harm.field.note")}</dt>
            <dd className="prewrap">{item.note}</dd>
          </div>
        )}
        <div>
          <dt>{t("harm.field.recordedBy")}</dt>
          <dd>{item.recordedBy.name}</dd>
        </div>
      </dl>
      <TakedownTable item={item} onUpdate={setUpdating} />
      {updatingRequest && <UpdateTakedownForm takedown={updatingRequest} onDone={() => setUpdating(null)} />}
      {open === "takedown" ? (
        <TakedownForm itemId={item.id} onDone={close} />
      ) : (
        <div className="action-list">
          <button type="button" className="button button--secondary" {...opener("takedown")}>
            {t("harm.takedown.request")}
          </button>
        </div>
      )}
    </article>
  );
}

/** The address or identifier, only when asked for, and never for long. */
function LocatorReveal({ locator }: { locator: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!shown) return;
    const timer = window.setTimeout(() => setShown(false), SHOWN_FOR_MS);
    return () => window.clearTimeout(timer);
  }, [shown]);
  return shown ? (
    <>
      <span className="online-harm__locator">{locator}</span>{" "}
      <button type="button" className="button button--quiet" autoFocus onClick={() => setShown(false)}>
        {t("harm.locator.hide")}
      </button>
    </>
  ) : (
    <button type="button" className="button button--quiet" onClick={() => setShown(true)}>
      {t("harm.locator.show")}
    </button>
  );
}

function TakedownTable({ item, onUpdate }: { item: HarmItem; onUpdate: (takedownId: string) => void }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const captionId = useId();
  const today = todayIso();
  if (item.takedowns.length === 0) return <p className="empty">{t("harm.takedown.none")}</p>;
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table data-table--wide">
        <caption id={captionId}>{t("harm.takedown.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("harm.field.channel")}</th>
            <th scope="col">{t("harm.field.reportedOn")}</th>
            <th scope="col">{t("harm.field.reference")}</th>
            <th scope="col">{t("harm.field.status")}</th>
            <th scope="col">{t("harm.field.followUpDue")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("harm.takedown.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {item.takedowns.map((takedown) => (
            <TakedownRow key={takedown.id} takedown={takedown} today={today} format={format} onUpdate={onUpdate} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TakedownRow({
  takedown,
  today,
  format,
  onUpdate,
}: {
  takedown: TakedownRequest;
  today: string;
  format: ReturnType<typeof useDateFormat>;
  onUpdate: (takedownId: string) => void;
}) {
  const { t } = useTranslation();
  const overdue = takedown.followUpDueOn !== null && takedown.followUpDueOn < today;
  return (
    <tr>
      <th scope="row">{t(`harm.channel.${takedown.channel}`)}</th>
      <td className="cell--nowrap">{format.date(takedown.reportedOn)}</td>
      <td>{takedown.reference ?? "—"}</td>
      <td>
        {t("harm.takedown.statusOn", { status: t(`harm.takedownStatus.${takedown.status}`), date: format.date(takedown.statusOn) })}
        {takedown.note && <span className="field__hint"> {takedown.note}</span>}
      </td>
      <td className="cell--nowrap">
        {takedown.followUpDueOn ? format.date(takedown.followUpDueOn) : "—"}
        {overdue && <span className="pill pill--overdue"> {t("harm.takedown.overdue")}</span>}
      </td>
      <td className="cell--nowrap">
        {takedown.nextStatuses.length > 0 && (
          <button
            type="button"
            className="button button--secondary"
            aria-label={t("harm.takedown.updateNamed", { channel: t(`harm.channel.${takedown.channel}`), date: format.date(takedown.reportedOn) })}
            onClick={() => onUpdate(takedown.id)}
          >
            {t("harm.takedown.update")}
          </button>
        )}
      </td>
    </tr>
  );
}
