/**
 * A referral letter to an outside partner as a pdfmake document definition. Pure: the words come
 * from the reader's language, the facts from the server's letter, which holds only the fields the
 * social worker chose to share (identifying data only when information sharing was consented to).
 */
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import type { RouterOutputs } from "@lentera/api";
import { dateFormatters } from "../cases/format";
import type { Translate } from "../reports/list-columns";

export type ReferralLetter = RouterOutputs["referrals"]["letter"];

export interface LetterWords {
  t: Translate;
  locale: string;
}

const MUTED = "#4a5563";

export function referralLetterFileName(letter: Pick<ReferralLetter, "referralId" | "sentAt">): string {
  return `lentera-referral-${letter.sentAt.toISOString().slice(0, 10)}-${letter.referralId.slice(0, 8)}.pdf`;
}

/** Term and value pairs, two columns without rules. */
function facts(pairs: readonly (readonly [string, string])[]): Content {
  return {
    table: { widths: [150, "*"], body: pairs.map(([label, value]) => [{ text: label, style: "muted" }, value]) },
    layout: "noBorders",
  };
}

/** The shared values in words, in the order the sender's form lists them. */
export function sharedPairs(letter: ReferralLetter, t: Translate): [string, string][] {
  const { shared } = letter;
  const pairs: [string, string][] = [];
  if (shared.alias !== undefined) pairs.push([t("referrals.shared.alias"), shared.alias]);
  if (shared.age_group !== undefined) {
    pairs.push([
      t("referrals.shared.age_group"),
      shared.age_group === "unknown" ? t("referrals.values.ageGroupUnknown") : t("referrals.values.ageGroupYears", { group: shared.age_group }),
    ]);
  }
  if (shared.sex !== undefined) pairs.push([t("referrals.shared.sex"), t(`cases.sex.${shared.sex}`)]);
  if (shared.languages !== undefined) pairs.push([t("referrals.shared.languages"), shared.languages.join(", ") || t("referrals.values.none")]);
  if (shared.harm_types !== undefined) {
    pairs.push([t("referrals.shared.harm_types"), shared.harm_types.map((harm) => t(`cases.harm.${harm}`)).join(", ") || t("referrals.values.none")]);
  }
  if (shared.risk_level !== undefined) pairs.push([t("referrals.shared.risk_level"), t(`cases.risk.${shared.risk_level}`)]);
  if (shared.plan_goals !== undefined) {
    pairs.push([
      t("referrals.shared.plan_goals"),
      shared.plan_goals.map((goal) => `${goal.title} (${t(`plans.domain.${goal.domain}`)})`).join("\n") || t("referrals.values.none"),
    ]);
  }
  if (shared.identity !== undefined) {
    pairs.push([t("referrals.values.legalName"), shared.identity.legalName]);
    if (shared.identity.phone) pairs.push([t("referrals.values.phone"), shared.identity.phone]);
    if (shared.identity.address) pairs.push([t("referrals.values.address"), shared.identity.address]);
  }
  return pairs;
}

export function referralLetterDocument(letter: ReferralLetter, words: LetterWords): TDocumentDefinitions {
  const { t } = words;
  const dates = dateFormatters(words.locale);
  const title = t("referrals.letter.title");
  const contact = letter.partner.contact;
  const to = [
    letter.partner.name,
    contact.person ? `${t("referrals.letter.contactPerson")}: ${contact.person}` : null,
    contact.address,
    contact.phone,
    contact.email,
    contact.website,
  ].filter((line): line is string => Boolean(line));
  return {
    info: { title, creator: "Lentera" },
    language: words.locale,
    pageSize: "A4",
    pageMargins: [40, 48, 40, 48],
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 8] },
      heading: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
      muted: { color: MUTED },
    },
    header: { text: t("referrals.letter.confidential"), style: "muted", fontSize: 8, alignment: "right", margin: [40, 20, 40, 0] },
    footer: (page: number, pages: number) => ({
      text: t("referrals.letter.page", { page, pages }),
      style: "muted",
      fontSize: 8,
      alignment: "center",
      margin: [40, 16, 40, 0],
    }),
    content: [
      { text: title, style: "title" },
      facts([
        [t("referrals.letter.to"), to.join("\n")],
        [t("referrals.letter.from"), letter.agency.name],
        [t("referrals.letter.sentBy"), letter.sentBy.name],
        [t("referrals.letter.sentOn"), dates.date(letter.sentAt)],
      ]),
      { text: t("referrals.letter.request"), style: "heading" },
      facts([
        [t("referrals.item.services"), letter.services.map((service) => t(`partners.service.${service}`)).join(", ")],
        [t("referrals.item.urgency"), t(`referrals.urgency.${letter.urgency}`)],
        [t("referrals.item.reason"), letter.reason],
      ]),
      { text: t("referrals.letter.client"), style: "heading" },
      sharedPairs(letter, t).length > 0 ? facts(sharedPairs(letter, t)) : { text: t("referrals.incoming.nothingShared"), style: "muted" },
      { text: t("referrals.letter.generatedAt", { time: dates.dateTime(letter.generatedAt) }), style: "muted", margin: [0, 16, 0, 0] },
    ],
  };
}
