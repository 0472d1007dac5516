import { useTranslation } from "react-i18next";
import type { Dashboard, DashboardFilter } from "@lentera/domain";
import { useDashboardFormat } from "./dashboard-format";
import { DashboardSection } from "./dashboard-section";
import { CountLink, FigureTable } from "./figure-table";
import { listHref } from "./filter-url";
import { casesWithLegalProcess, legalStageRows, referralsSent, referralStatusRows, takedownRows } from "./partners-rows";
import { StatTile, StatTiles } from "./stat-tile";

/**
 * Referrals to partners (sent in the period) by status and partner; items found online reported for
 * takedown vs removed; cases by legal stage. Only counts and days: never an item's place online.
 */
export function PartnersSection({ dashboard, filter }: { dashboard: Dashboard; filter: DashboardFilter }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const days = (median: number | null) => (median === null ? t("dashboard.timing.noneYet") : t("dashboard.timing.days", { days: format.days(median) }));
  const { referrals, takedowns } = dashboard;
  return (
    <DashboardSection id="dashboard-partners" title={t("dashboard.partners.heading")} hint={t("dashboard.partners.hint")}>
      <h3 className="dashboard-subheading">{t("dashboard.partners.referralsHeading")}</h3>
      <div className="dashboard-columns">
        <FigureTable
          caption={t("dashboard.partners.byStatus")}
          rowHeader={t("dashboard.column.status")}
          rows={referralStatusRows(dashboard)}
          rowKey={(row) => row.key}
          rowLabel={(row) => t(`dashboard.referralStatus.${row.key}`)}
          columns={[
            {
              key: "referrals",
              header: t("dashboard.partners.referrals"),
              cell: (row) => <CountLink value={row.count} to={listHref(row.list, filter, row.params)} />,
            },
          ]}
          footer={{
            label: t("dashboard.partners.allReferrals"),
            cells: [<CountLink key="all" value={referralsSent(dashboard)} to={listHref("referrals", filter)} />],
          }}
        />
        {referrals.byPartner.length === 0 ? (
          <p className="empty">{t("dashboard.partners.noReferrals")}</p>
        ) : (
          <FigureTable
            caption={t("dashboard.partners.byPartner")}
            rowHeader={t("dashboard.partners.partner")}
            rows={referrals.byPartner}
            rowKey={(row) => row.partner.id}
            rowLabel={(row) => row.partner.name}
            columns={[
              {
                key: "sent",
                header: t("dashboard.partners.sent"),
                cell: (row) => <CountLink value={row.sent} to={listHref("referrals", filter, { partnerId: row.partner.id })} />,
              },
              // Accepted counts the completed ones too; no single list has that number, so it stays plain.
              { key: "accepted", header: t("dashboard.partners.accepted"), cell: (row) => format.count(row.accepted) },
              {
                key: "completed",
                header: t("dashboard.partners.completed"),
                cell: (row) => <CountLink value={row.completed} to={listHref("referrals", filter, { partnerId: row.partner.id, referralStatus: "completed" })} />,
              },
            ]}
          />
        )}
      </div>
      <StatTiles>
        <StatTile
          to={listHref("referrals", filter, { referralStatus: "accepted" })}
          value={days(referrals.medianDaysToAcceptance)}
          label={t("dashboard.partners.medianAcceptance")}
          detail={t("dashboard.partners.acceptedCount", { accepted: format.count(referrals.accepted) })}
        />
      </StatTiles>

      <h3 className="dashboard-subheading">{t("dashboard.partners.takedownsHeading")}</h3>
      <p className="field__hint">{t("dashboard.partners.takedownsHint")}</p>
      <div className="dashboard-columns">
        <FigureTable
          caption={t("dashboard.partners.takedowns")}
          rowHeader={t("dashboard.partners.itemState")}
          rows={takedownRows(dashboard)}
          rowKey={(row) => row.key}
          rowLabel={(row) => t(`dashboard.partners.items.${row.key}`)}
          columns={[
            {
              key: "items",
              header: t("dashboard.partners.itemsColumn"),
              cell: (row) => <CountLink value={row.count} to={listHref(row.list, filter, row.params)} />,
            },
          ]}
        />
        <StatTiles>
          <StatTile
            to={listHref("takedowns", filter, { takedownState: "removed" })}
            value={days(takedowns.medianDaysToRemoval)}
            label={t("dashboard.partners.medianRemoval")}
          />
        </StatTiles>
      </div>

      <h3 className="dashboard-subheading">{t("dashboard.partners.legalHeading")}</h3>
      <FigureTable
        caption={t("dashboard.partners.byLegalStage")}
        rowHeader={t("dashboard.partners.stage")}
        rows={legalStageRows(dashboard)}
        rowKey={(row) => row.key}
        rowLabel={(row) => t(`dashboard.legalStage.${row.key}`)}
        columns={[
          {
            key: "cases",
            header: t("dashboard.column.cases"),
            cell: (row) => <CountLink value={row.count} to={listHref(row.list, filter, row.params)} />,
          },
        ]}
        footer={{
          label: t("dashboard.partners.allLegal"),
          cells: [<CountLink key="all" value={casesWithLegalProcess(dashboard)} to={listHref("legal_stage", filter)} />],
        }}
      />
    </DashboardSection>
  );
}
