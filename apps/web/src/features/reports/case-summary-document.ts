/**
 * A case summary for a case conference as a pdfmake document definition. Pure: every word comes
 * from the functions passed in (the reader's language), every fact from the server's summary,
 * which already left out what the reader may not see: identifying data is there only for the
 * care team, and without it the document says so instead of showing an empty section.
 */
import type { CaseSummary } from "@lentera/domain";
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import type { Translate } from "./list-columns";

export interface SummaryWords {
  t: Translate;
  locale: string;
  /** A calendar day (YYYY-MM-DD) as the reader writes it; other text as it came. */
  date(day: string): string;
  dateTime(instant: Date): string;
  number(value: number): string;
  instrumentName(code: string): string;
  outcomeDomain(instrumentCode: string, domain: string): string;
  milestone(naming: { catalogKey: string | null; customTitle: string | null }): string;
}

const MUTED = "#4a5563";
/** Marks the running header and footer for pageBreakBefore, which sees them among a page's nodes. */
const RUNNING_LEVEL = 9;
/** How far down a page (0 top, 1 bottom) a section may still begin. */
const HEADING_LOWEST = 0.8;
const HEADER_FILL = "#e6eef8";

export function caseSummaryFileName(caseNumber: string): string {
  return `lentera-summary-${caseNumber}.pdf`;
}

export function caseSummaryDocument(summary: CaseSummary, words: SummaryWords): TDocumentDefinitions {
  const { t } = words;
  const title = t("reports.summary.title");
  return {
    info: { title: `${title} ${summary.case.caseNumber}`, creator: "Lentera" },
    language: words.locale,
    pageSize: "A4",
    pageMargins: [40, 48, 40, 48],
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 12, margin: [0, 0, 0, 6] },
      heading: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
      subheading: { bold: true, margin: [0, 6, 0, 4] },
      muted: { color: MUTED },
      tableHeader: { bold: true, fillColor: HEADER_FILL },
    },
    header: { text: t("reports.summary.confidential"), style: "muted", fontSize: 8, alignment: "right", margin: [40, 20, 40, 0], headlineLevel: RUNNING_LEVEL },
    footer: (page: number, pages: number) => ({
      text: t("reports.summary.page", { page, pages }),
      style: "muted",
      fontSize: 8,
      alignment: "center",
      margin: [40, 16, 40, 0],
      headlineLevel: RUNNING_LEVEL,
    }),
    // A section heading never ends a page alone: one in the page's last fifth, or with nothing of
    // its section after it on the page, moves to the next page with its section.
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel === 1 &&
      (node.startPosition.verticalRatio > HEADING_LOWEST ||
        nodes.getFollowingNodesOnPage().every((following) => following.headlineLevel === RUNNING_LEVEL)),
    content: [
      { text: title, style: "title" },
      { text: `${summary.case.alias} · ${summary.case.caseNumber}`, style: "subtitle" },
      { text: t("reports.summary.generatedAt", { time: words.dateTime(summary.generatedAt) }), style: "muted" },
      ...caseFacts(summary, words),
      ...identitySection(summary, words),
      ...careTeamSection(summary, words),
      ...consentSection(summary, words),
      ...planSection(summary, words),
      ...outcomeSection(summary, words),
      ...milestoneSection(summary, words),
      ...appointmentSection(summary, words),
      ...activitySection(summary, words),
    ],
  };
}

/** A code in words, or the code itself when no catalog key names it (a role or domain added later). */
function word(t: Translate, prefix: string, code: string): string {
  return t(`${prefix}${code}`, { defaultValue: code });
}

function heading(text: string): Content {
  return { text, style: "heading", headlineLevel: 1 };
}

function none(words: SummaryWords): Content {
  return { text: words.t("reports.list.none"), style: "muted" };
}

/** Term and value pairs, two columns without rules. */
function facts(pairs: readonly (readonly [string, string])[]): Content {
  return {
    table: { widths: [150, "*"], body: pairs.map(([label, value]) => [{ text: label, style: "muted" }, value]) },
    layout: "noBorders",
  };
}

function table(header: readonly string[], rows: readonly (readonly string[])[], widths: (number | "*" | "auto")[]): Content {
  const headerRow: TableCell[] = header.map((text) => ({ text, style: "tableHeader" }));
  return {
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths, body: [headerRow, ...rows.map((row) => [...row])] },
    layout: "lightHorizontalLines",
  };
}

function caseFacts(summary: CaseSummary, words: SummaryWords): Content[] {
  const { t } = words;
  const item = summary.case;
  const pairs: [string, string][] = [
    [t("reports.column.caseNumber"), item.caseNumber],
    [t("reports.column.alias"), item.alias],
    [t("reports.column.status"), t(`cases.status.${item.status}`)],
    [t("reports.column.riskLevel"), t(`cases.risk.${item.riskLevel}`)],
    [t("cases.fields.harmTypes"), item.harmTypes.map((harm) => t(`cases.harm.${harm}`)).join(", ")],
    [t("cases.fields.referralSource"), t(`cases.referral.${item.referralSource}`)],
    [t("cases.fields.openedAt"), words.date(item.openedOn)],
  ];
  if (item.closedOn) pairs.push([t("cases.fields.closedAt"), words.date(item.closedOn)]);
  if (item.closureReason) pairs.push([t("cases.fields.closureReason"), t(`cases.closureReason.${item.closureReason}`)]);
  pairs.push(
    [t("reports.filter.team"), item.team],
    [t("reports.summary.ageGroup"), t(`reports.ageGroup.${item.ageGroup}`)],
    [t("cases.fields.client.sex"), t(`cases.sex.${item.sex}`)],
  );
  return [heading(t("reports.summary.caseHeading")), facts(pairs)];
}

function identitySection(summary: CaseSummary, words: SummaryWords): Content[] {
  const { t } = words;
  const identity = summary.identity;
  if (!identity) return [{ text: t("reports.summary.identityHidden"), style: "muted", italics: true, margin: [0, 10, 0, 0] }];
  const blank = t("reports.list.none");
  return [
    heading(t("reports.summary.identityHeading")),
    facts([
      [t("cases.fields.identity.legalName"), identity.legalName],
      [t("cases.fields.client.birthDate"), identity.birthDate ? words.date(identity.birthDate) : blank],
      [t("cases.fields.identity.phone"), identity.phone ?? blank],
      [t("reports.summary.address"), identity.address ?? blank],
    ]),
  ];
}

function careTeamSection(summary: CaseSummary, words: SummaryWords): Content[] {
  const { t } = words;
  const role = (code: string) => t(`cases.careTeamRole.${code}`, { defaultValue: word(t, "roles.", code) });
  return [
    heading(t("reports.summary.careTeamHeading")),
    summary.careTeam.length === 0 ? none(words) : { ul: summary.careTeam.map((member) => `${member.name} — ${role(member.role)}`) },
  ];
}

function consentSection(summary: CaseSummary, words: SummaryWords): Content[] {
  const { t } = words;
  return [
    heading(t("reports.summary.consentsHeading")),
    summary.consentsInForce.length === 0
      ? { text: t("reports.summary.noConsents"), style: "muted" }
      : { ul: summary.consentsInForce.map((scope) => word(t, "cases.consentScope.", scope)) },
  ];
}

function planSection(summary: CaseSummary, words: SummaryWords): Content[] {
  const { t } = words;
  const plan = summary.plan;
  if (!plan) return [heading(t("reports.summary.planHeading")), { text: t("reports.summary.noPlan"), style: "muted" }];
  const version = plan.approvedOn
    ? t("reports.summary.planApproved", { number: plan.number, date: words.date(plan.approvedOn) })
    : t("reports.summary.planVersion", { number: plan.number });
  const blank = t("reports.list.none");
  return [
    heading(t("reports.summary.planHeading")),
    { text: version, margin: [0, 0, 0, 4] },
    plan.goals.length === 0
      ? none(words)
      : table(
          [t("reports.summary.domain"), t("reports.summary.goal"), t("reports.summary.status"), t("reports.summary.targetDate"), t("reports.summary.lastReview")],
          plan.goals.map((goal) => [
            word(t, "plans.domain.", goal.domain),
            goal.title,
            word(t, "plans.goalStatus.", goal.status),
            goal.targetDate ? words.date(goal.targetDate) : blank,
            goal.lastReview ? words.date(goal.lastReview) : blank,
          ]),
          ["auto", "*", "auto", "auto", "auto"],
        ),
  ];
}

function outcomeSection(summary: CaseSummary, words: SummaryWords): Content[] {
  const { t } = words;
  const score = (value: number | null) => (value === null ? t("reports.list.none") : words.number(value));
  if (summary.outcomes.length === 0) return [heading(t("reports.summary.outcomesHeading")), { text: t("reports.summary.noOutcomes"), style: "muted" }];
  return [
    heading(t("reports.summary.outcomesHeading")),
    // An instrument's few domains stay on one page with its heading.
    ...summary.outcomes.map(
      (outcome): Content => ({
        unbreakable: true,
        stack: [
          {
            text: t("reports.summary.assessedOn", { instrument: words.instrumentName(outcome.instrumentCode), date: words.date(outcome.assessedOn) }),
            style: "subheading",
          },
          table(
            [t("reports.summary.domain"), t("reports.summary.intakeScore"), t("reports.summary.latestScore")],
            outcome.domains.map((domain) => [words.outcomeDomain(outcome.instrumentCode, domain.domain), score(domain.intakeScore), score(domain.score)]),
            ["*", "auto", "auto"],
          ),
        ],
      }),
    ),
  ];
}

function milestoneSection(summary: CaseSummary, words: SummaryWords): Content[] {
  const { t } = words;
  return [
    heading(t("reports.summary.milestonesHeading")),
    summary.milestones.length === 0
      ? none(words)
      : table(
          [t("reports.summary.domain"), t("reports.summary.milestone"), t("reports.column.milestoneStatus"), t("reports.column.milestoneOn")],
          summary.milestones.map((milestone) => [
            t(`milestones.domain.${milestone.domain}`),
            words.milestone(milestone),
            t(`milestones.status.${milestone.status}`),
            milestone.on ? words.date(milestone.on) : t("reports.list.none"),
          ]),
          ["auto", "*", "auto", "auto"],
        ),
  ];
}

function appointmentSection(summary: CaseSummary, words: SummaryWords): Content[] {
  const { t } = words;
  return [
    heading(t("reports.summary.appointmentsHeading")),
    { text: t("reports.summary.appointmentsSpan"), style: "muted", margin: [0, 0, 0, 4] },
    summary.appointments.length === 0
      ? none(words)
      : table(
          [t("reports.column.appointmentOn"), t("reports.column.appointmentKind"), t("reports.column.appointmentStatus"), t("reports.column.staff")],
          summary.appointments.map((appointment) => [
            words.date(appointment.on),
            t(`appointments.kind.${appointment.kind}`),
            t(`appointments.status.${appointment.status}`),
            appointment.staff,
          ]),
          ["auto", "*", "auto", "*"],
        ),
  ];
}

function activitySection(summary: CaseSummary, words: SummaryWords): Content[] {
  const { t } = words;
  const { count, lastOn } = summary.sessions;
  const sessions =
    count === 0
      ? t("reports.summary.noSessions")
      : lastOn
        ? t("reports.summary.sessions", { number: words.number(count), date: words.date(lastOn) })
        : words.number(count);
  return [
    heading(t("reports.summary.activityHeading")),
    facts([
      [t("reports.summary.sessionsLabel"), sessions],
      [t("reports.summary.openFlagsLabel"), words.number(summary.openFlags)],
    ]),
  ];
}
