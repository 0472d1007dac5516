import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { can, hasRole } from "@lentera/domain";
import { useCurrentUser } from "../../app/current-user";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { Loading } from "../../ui/loading";
import { Notice, type NoticeMessage } from "../../ui/notice";
import { QueryError } from "../../ui/query-error";
import { CreatePartnerForm, EditPartnerForm } from "./create-partner-form";
import { CONTACT_FIELDS, type PartnerRow } from "./partner-form-values";
import "./partners.css";

/** The agency's partner organizations; plan goals name them as owners or service providers, referrals go to them. */
export function PartnersPage() {
  const { t } = useTranslation();
  usePageTitle(t("partners.title"));
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const manages = can(user, "partners.manage");
  // Managers also see the deactivated partners, to reactivate them.
  const partners = useQuery(trpc.partners.list.queryOptions(manages ? { includeInactive: true } : undefined));
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const editHeading = useRef<HTMLHeadingElement>(null);
  const editOpeners = useRef(new Map<string, HTMLButtonElement>());
  const returnTo = useRef<string | null>(null);
  const receivesReferrals = hasRole(user, "social_worker") || hasRole(user, "supervisor");
  const editedPartner = editing ? partners.data?.find((partner) => partner.id === editing) : undefined;

  useEffect(() => {
    if (editing) editHeading.current?.focus();
    else if (returnTo.current) {
      editOpeners.current.get(returnTo.current)?.focus();
      returnTo.current = null;
    }
  }, [editing]);

  function refresh() {
    // Goal owner choices on plans come from the directory too.
    void queryClient.invalidateQueries(trpc.partners.pathFilter());
    void queryClient.invalidateQueries(trpc.plans.ownerOptions.pathFilter());
  }

  function closeEdit() {
    returnTo.current = editing;
    setEditing(null);
  }

  function created(name: string) {
    setNotice({ kind: "success", key: "partners.created", values: { name } });
    refresh();
  }

  return (
    <>
      <h1>{t("partners.title")}</h1>
      <p>{t("partners.intro")}</p>
      {receivesReferrals && (
        <p>
          <Link to="/referrals/incoming">{t("partners.incomingLink")}</Link>
        </p>
      )}
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <section>
        <h2 id="partners-list-heading">{t("partners.listHeading")}</h2>
        {partners.isPending ? (
          <Loading />
        ) : partners.isError ? (
          <QueryError error={partners.error} onRetry={() => void partners.refetch()} />
        ) : partners.data.length === 0 ? (
          <p className="empty">{t("partners.empty")}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="partners-list-heading" tabIndex={0}>
            <table className="data-table">
              <caption className="visually-hidden">{t("partners.listHeading")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("partners.columns.name")}</th>
                  <th scope="col">{t("partners.columns.kind")}</th>
                </tr>
              </thead>
              {partners.data.map((partner) => (
                <tbody key={partner.id}>
                  <tr>
                    <th scope="row">
                      {partner.name}
                      {!partner.active && (
                        <>
                          {" "}
                          <span className="pill pill--not-in-force">{t("partners.details.inactive")}</span>
                        </>
                      )}
                    </th>
                    <td>{t(`partners.kind.${partner.kind}`)}</td>
                  </tr>
                  {(hasDetails(partner) || manages) && (
                    <tr>
                      <td colSpan={2}>
                        <PartnerDetails partner={partner} />
                        {manages && (
                          <button
                            type="button"
                            className="button button--quiet"
                            aria-label={t("partners.edit", { name: partner.name })}
                            ref={(element) => {
                              if (element) editOpeners.current.set(partner.id, element);
                              else editOpeners.current.delete(partner.id);
                            }}
                            onClick={() => setEditing(partner.id)}
                          >
                            {t("partners.editButton")}
                          </button>
                        )}
                      </td>
                    </tr>
                  )}
                </tbody>
              ))}
            </table>
          </div>
        )}
      </section>
      {manages && editedPartner && (
        <section aria-labelledby="edit-partner-heading" className="card">
          <h2 id="edit-partner-heading" ref={editHeading} tabIndex={-1}>
            {t("partners.editHeading", { name: editedPartner.name })}
          </h2>
          <EditPartnerForm
            key={`${editedPartner.id}-${editedPartner.version}`}
            partner={editedPartner}
            onCancel={closeEdit}
            onSaved={(name) => {
              setNotice({ kind: "success", key: "partners.updated", values: { name } });
              closeEdit();
              refresh();
            }}
            onStale={() => {
              setNotice({ kind: "error", key: "partners.stale" });
              refresh();
            }}
          />
        </section>
      )}
      {manages && (
        <section aria-labelledby="create-partner-heading" className="card">
          <h2 id="create-partner-heading">{t("partners.createHeading")}</h2>
          <CreatePartnerForm onCreated={created} />
        </section>
      )}
    </>
  );
}

function hasDetails(partner: PartnerRow): boolean {
  return (
    partner.services.length > 0 ||
    partner.regions.length > 0 ||
    partner.linkedAgency !== null ||
    CONTACT_FIELDS.some((field) => partner.contact[field])
  );
}

/** Services, regions, contact and the linked agency, as a short description list. */
function PartnerDetails({ partner }: { partner: PartnerRow }) {
  const { t } = useTranslation();
  const contact = CONTACT_FIELDS.map((field) => partner.contact[field]).filter((value): value is string => Boolean(value));
  return (
    <dl className="partner-details">
      {partner.linkedAgency && (
        <div>
          <dt className="visually-hidden">{t("partners.form.linkedAgency")}</dt>
          <dd>
            <strong>{t("partners.details.linkedAgency", { agency: partner.linkedAgency.name })}</strong>
          </dd>
        </div>
      )}
      {partner.services.length > 0 && (
        <div>
          <dt>{t("partners.details.services")}</dt>
          <dd>{partner.services.map((service) => t(`partners.service.${service}`)).join(", ")}</dd>
        </div>
      )}
      {partner.regions.length > 0 && (
        <div>
          <dt>{t("partners.details.regions")}</dt>
          <dd>{partner.regions.join(", ")}</dd>
        </div>
      )}
      {contact.length > 0 && (
        <div>
          <dt>{t("partners.details.contact")}</dt>
          <dd className="prewrap">{contact.join(" · ")}</dd>
        </div>
      )}
    </dl>
  );
}
