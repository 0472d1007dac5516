import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { chromiumPath, launchBrowser, newPage } from "../src/browser";
import {
  DEMO_PASSWORD,
  fillIntake,
  overflowsHorizontally,
  rawCatalogKeys,
  seriousAccessibilityViolations,
  signIn,
  switchLanguage,
  type Locale,
} from "../src/journeys";

// Without Chromium the journeys are reported as skipped, never as passed; CI requires them.
const runJourneys = Boolean(chromiumPath) || process.env.LENTERA_E2E_REQUIRED === "1";

const artifacts = new URL("../artifacts/", import.meta.url);
const DAY = 86_400_000;

/** Everyone works in the demo agency's zone, as its staff's phones do (see sessions.test.ts). */
const ZONE = "Asia/Jakarta";

/** "YYYY-MM-DD" of an instant in the agency's zone (what a date input holds). */
const isoDay = (instant: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, dateStyle: "short" }).format(instant);

/** "Nov 25, 2026": how the English screens write a calendar date. */
const dateWords = (day: string) => new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

/** The demo users' names (packages/db/src/seed/demo.ts). */
const WORKER = "Sari Wulandari";
const SUPERVISOR = "Dewi Lestari";

/** A section of My work, named by its heading (the heading ends with the section's count). */
function workSection(page: Page, heading: string): Locator {
  return page.getByRole("main").getByRole("region", { name: new RegExp(`^${heading} \\d+\\+?$`) });
}

/** The item of a section about the case of `alias` (its link reads "LNT-… · alias"). */
function itemOf(section: Locator, alias: string): Locator {
  return section.getByRole("listitem").filter({ has: section.page().getByRole("link", { name: new RegExp(`^LNT-\\d{4}-\\d{6} · ${alias}$`) }) });
}

/**
 * Opens My work from the navigation and waits until its sections (or "nothing due") are there. On
 * My work already, the link does not load it again (the page keeps what it read when it opened):
 * a reload, as a person would pull to refresh.
 */
async function openMyWork(page: Page): Promise<void> {
  // Until its answer is in, the page may show what it read on an earlier visit.
  const fresh = page.waitForResponse((response) => response.url().includes("myWork.get") && response.ok());
  if (new URL(page.url()).pathname === "/") await page.reload();
  else await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My work", exact: true }).click();
  await fresh;
  await page.getByRole("heading", { level: 1, name: "My work" }).waitFor();
  await page.locator(".my-work").waitFor();
}

/** The timeline's entries, newest first, each as "<kind> <time> · by <name> <words>". */
async function timelineEntries(page: Page): Promise<string[]> {
  return (await page.getByRole("main").getByRole("listitem").allInnerTexts()).map((text) => text.replace(/\s+/g, " ").trim());
}

/** A screen in another language: no catalog key shown raw, fits a phone, no serious axe violation. */
async function expectTranslatedPage(page: Page, name: string): Promise<void> {
  expect(await rawCatalogKeys(page), `${name}: raw catalog keys`).toEqual([]);
  expect(await overflowsHorizontally(page), `${name}: horizontal overflow at 360 px`).toBe(false);
  expect(await seriousAccessibilityViolations(page), `${name}: axe`).toEqual([]);
}

/** What the languages check expects, in the glossary's words. */
const LANGUAGES: { locale: Exclude<Locale, "en">; myWork: string; nav: string; reviews: string; toVerify: string; timeline: string; milestone: string }[] = [
  {
    locale: "id",
    myWork: "Tugas saya",
    nav: "Utama",
    reviews: "Tinjauan kemajuan yang jatuh tempo",
    toVerify: "Tonggak yang perlu diverifikasi",
    timeline: "Linimasa",
    milestone: "Tonggak",
  },
  {
    locale: "vi",
    myWork: "Việc của tôi",
    nav: "Chính",
    reviews: "Đánh giá tiến độ đến hạn",
    toVerify: "Mốc cần xác minh",
    timeline: "Dòng thời gian",
    milestone: "Mốc",
  },
];

describe.runIf(runJourneys)("reintegration milestones, the case timeline and My work", () => {
  let browser: Browser;
  /** One signed-in phone per person, kept for the whole journey. */
  let worker: { context: BrowserContext; page: Page };
  let supervisor: { context: BrowserContext; page: Page };
  /** Demo users whose language this file changed and has not set back yet. */
  const switched = new Set<string>();

  const marker = Date.now().toString(36);
  const alias = `Intan ${marker}`;
  const today = isoDay(new Date());
  const target = isoDay(new Date(Date.now() + 60 * DAY));
  const evidence = `Enrolment letter from SMP Negeri 5 seen at the home visit (${marker}).`;
  let caseUrl = "";
  let caseNumber = "";

  beforeAll(async () => {
    browser = await launchBrowser();
    worker = await newPage(browser, { timezoneId: ZONE });
    supervisor = await newPage(browser, { timezoneId: ZONE });
    await Promise.all([signIn(worker.page, "social.worker@example.org"), signIn(supervisor.page, "supervisor@example.org")]);
  });
  afterAll(async () => {
    // A journey that failed half way must not leave a shared demo user in another language.
    for (const email of switched) {
      const { context, page } = await newPage(browser);
      // Not signIn(): the shell comes up in the user's language, its navigation not named "Main".
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("banner").getByRole("navigation").waitFor();
      await switchLanguage(page, "en");
      await context.close();
    }
    await browser.close();
  });

  function milestoneCard(page: Page): Locator {
    return page.getByRole("region", { name: "Reintegration milestones" }).getByRole("article", { name: "Enrolled in school", exact: true });
  }

  it("the social worker adds “Enrolled in school” to a new case and marks it achieved: it awaits a supervisor's verification", async () => {
    const { page } = worker;
    await page.goto("/cases/new");
    await fillIntake(page, { alias, legalName: "Intan Milestone Test", birthDate: "2010-03-08" });
    await page.getByRole("button", { name: "Register case" }).click();
    await page.getByRole("heading", { level: 1 }).filter({ hasText: alias }).waitFor();
    caseUrl = new URL(page.url()).pathname;
    caseNumber = (await page.locator("h1 .case-number").innerText()).trim();
    expect(caseNumber).toMatch(/^LNT-\d{4}-\d{6}$/);

    const region = page.getByRole("region", { name: "Reintegration milestones" });
    await region.getByText("No milestones on this case yet.").waitFor();
    // The demo agency's setting (demo seed).
    await region.getByText("In your agency, a supervisor verifies each achievement.").waitFor();

    await region.getByRole("button", { name: "Add milestone" }).click();
    const form = region.locator("form").filter({ has: page.getByRole("heading", { name: "Add a milestone" }) });
    await form.getByLabel("Milestone", { exact: true }).selectOption({ label: "Enrolled in school" });
    await form.getByLabel("Target date", { exact: true }).fill(target);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "Add milestone" }).click();
    await page.getByText("Milestone added: Enrolled in school.").waitFor();

    const card = milestoneCard(page);
    await card.getByText("Planned", { exact: true }).waitFor();
    await expect(card.innerText()).resolves.toContain(`Target date\n${dateWords(target)}`);
    // Filed under its area.
    await region.getByRole("heading", { level: 3, name: "Education" }).waitFor();

    await card.getByRole("button", { name: "Change status" }).click();
    await card.getByLabel("Status", { exact: true }).selectOption({ label: "Achieved" });
    // Today unless changed, in the agency's day.
    await expect(card.getByLabel("Achieved on", { exact: true }).inputValue()).resolves.toBe(today);
    await card.getByLabel("Evidence", { exact: true }).fill(evidence);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await card.getByRole("button", { name: "Save status" }).click();
    await page.getByText("Enrolled in school: Achieved.").waitFor();

    await card.getByText("Achieved", { exact: true }).waitFor();
    await card.getByText("Awaiting verification", { exact: true }).waitFor();
    const text = await card.innerText();
    expect(text).toContain(`Achieved on\n${dateWords(today)}`);
    expect(text).toContain(evidence);
    expect(text).not.toContain("Verified by");
    // A social worker cannot verify her own, or anyone's, achievement.
    await expect(card.getByRole("button", { name: "Verify" }).count()).resolves.toBe(0);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await region.screenshot({ path: new URL("milestones-awaiting-360.png", artifacts).pathname });
  });

  it("the supervisor finds it on My work, opens the case from there and verifies it; it leaves My work", async () => {
    const { page } = supervisor;
    await openMyWork(page);
    const toVerify = workSection(page, "Milestones to verify");
    const item = toVerify.getByRole("listitem").filter({ hasText: caseNumber });
    await item.waitFor();
    await expect(item.innerText()).resolves.toContain(`Enrolled in school: achieved on ${dateWords(today)}, recorded by ${WORKER}`);

    await item.getByRole("link", { name: `${caseNumber} · ${alias}` }).click();
    await page.waitForURL((url) => url.pathname === caseUrl && url.hash === "#case-milestones-heading");
    // The link reads from the milestones: their heading takes the focus once the page is in.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("case-milestones-heading");

    const card = milestoneCard(page);
    await card.getByText(new RegExp(`^${WORKER} recorded this achievement on ${dateWords(today)}\\.`)).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await card.getByRole("button", { name: "Verify", exact: true }).click();
    await page.getByText("Achievement verified: Enrolled in school.").waitFor();
    await card.getByText("Verified", { exact: true }).waitFor();
    await expect(card.innerText()).resolves.toMatch(new RegExp(`Verified by\\n${SUPERVISOR}, `));
    await expect(card.getByText("Awaiting verification", { exact: true }).count()).resolves.toBe(0);
    await expect(card.getByRole("button", { name: "Verify", exact: true }).count()).resolves.toBe(0);

    // Done: no longer on My work (the demo's own milestone to verify is still there).
    await openMyWork(page);
    await itemOf(workSection(page, "Milestones to verify"), "Ani").waitFor();
    // (It may show what it read before for a moment, while it asks again.)
    await expect.poll(() => workSection(page, "Milestones to verify").getByRole("listitem").filter({ hasText: caseNumber }).count()).toBe(0);
  });

  it("the case's timeline shows the achievement by the social worker and the verification by the supervisor, newest first, and filters by kind", async () => {
    const { page } = worker;
    await page.goto(caseUrl);
    await page.getByRole("heading", { level: 1 }).filter({ hasText: alias }).waitFor();
    await page.getByRole("link", { name: "Timeline", exact: true }).click();
    await page.waitForURL((url) => url.pathname === `${caseUrl}/timeline`);
    await page.getByRole("heading", { level: 1, name: `Timeline ${alias} ${caseNumber}` }).waitFor();

    const verified = `Milestone Enrolled in school: achievement verified`;
    const achieved = `Milestone Enrolled in school: achieved`;
    const planned = `Milestone Enrolled in school: planned`;
    await page.getByRole("main").getByRole("listitem").filter({ hasText: verified }).waitFor();
    const all = await timelineEntries(page);
    const at = (words: string) => all.findIndex((entry) => entry.endsWith(words));
    expect(at(verified), all.join("\n")).toBeGreaterThanOrEqual(0);
    expect(at(achieved), all.join("\n")).toBeGreaterThan(at(verified));
    expect(at(planned), all.join("\n")).toBeGreaterThan(at(achieved));
    expect(all[at(verified)]).toMatch(new RegExp(`^Milestone .* · by ${SUPERVISOR} `));
    expect(all[at(achieved)]).toMatch(new RegExp(`^Milestone .* · by ${WORKER} `));
    // The rest of the case's life is there too, from its intake on.
    expect(all.some((entry) => new RegExp(`^Intake .*Case ${caseNumber} opened \\(referral: hotline \\(129 / 111\\)\\)$`).test(entry)), all.join("\n")).toBe(true);
    // Facts only: the evidence stays on the case page.
    expect(all.join("\n")).not.toContain(evidence);
    expect(await rawCatalogKeys(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: new URL("timeline-360.png", artifacts).pathname, fullPage: true });

    // Only milestones: every other kind unticked.
    const filter = page.getByRole("group", { name: "Show" });
    for (const kind of ["Intake", "Status", "Consent", "Assessment", "Plan", "Appointment", "Session", "Follow-up"]) {
      await filter.getByRole("checkbox", { name: kind, exact: true }).uncheck();
    }
    await expect(filter.getByRole("checkbox", { name: "Milestone", exact: true }).isChecked()).resolves.toBe(true);
    await page.waitForURL((url) => url.searchParams.get("kinds") === "milestone");
    await expect
      .poll(async () => (await timelineEntries(page)).map((entry) => entry.replace(/^(\S+) .* · by (.+?) Milestone /, "$1 · $2 · ")))
      .toEqual([
        `Milestone · ${SUPERVISOR} · Enrolled in school: achievement verified`,
        `Milestone · ${WORKER} · Enrolled in school: achieved`,
        `Milestone · ${WORKER} · Enrolled in school: planned`,
      ]);
    // The choice is in the address: a reload keeps it.
    await page.reload();
    await page.getByRole("main").getByRole("listitem").first().waitFor();
    await expect(page.getByRole("group", { name: "Show" }).getByRole("checkbox", { name: "Intake", exact: true }).isChecked()).resolves.toBe(false);
    await expect.poll(async () => (await timelineEntries(page)).length).toBe(3);

    await page.getByRole("button", { name: "Show every kind" }).click();
    await expect.poll(async () => (await timelineEntries(page)).length).toBe(all.length);
    await page.getByRole("link", { name: "Back to the case" }).click();
    await page.waitForURL((url) => url.pathname === caseUrl);
  });

  it("the social worker's My work lists the demo's overdue review, missing outcome, milestone past its target and follow-up due, and counts them in the navigation", async () => {
    const { page } = worker;
    await openMyWork(page);

    const review = itemOf(workSection(page, "Progress reviews due"), "Ani");
    await review.waitFor();
    // The physical goal was never reviewed: overdue.
    await expect(review.innerText()).resolves.toMatch(/Goals to review: \d+, overdue: [1-9]\d*\s+Overdue Due /);

    const outcome = itemOf(workSection(page, "Appointment outcomes to record"), "Ani");
    await expect(outcome.innerText()).resolves.toMatch(/^LNT-\d{4}-\d{6} · Ani\s+Counseling, .+, with Budi Santoso: no outcome recorded$/);

    const milestone = itemOf(workSection(page, "Milestones past their target date"), "Ani");
    await expect(milestone.innerText()).resolves.toMatch(/Harmful content taken down: past its target date\s+Overdue Due /);

    const followUp = itemOf(workSection(page, "Follow-up visits after closure"), "Sari");
    await expect(followUp.innerText()).resolves.toMatch(/Closed on [A-Z][a-z]{2} \d{1,2}, \d{4}: a follow-up visit is due\s+Overdue Due /);

    // Supervisors' and counselors' work is not hers.
    for (const other of ["Milestones to verify", "Open risk flags", "Emergency access to review", "Positive screens to follow up"]) {
      await expect(workSection(page, other).count(), other).resolves.toBe(0);
    }
    // The count beside "My work" is the page's: the sum of its sections' counts.
    const pageCount = async () =>
      (await page.getByRole("main").getByRole("region").getByRole("heading", { level: 2 }).allInnerTexts())
        .map((heading) => Number(/(\d+)\+?$/.exec(heading)?.[1] ?? 0))
        .reduce((sum, count) => sum + count, 0);
    const navCount = async () =>
      Number(/\d+/.exec((await page.getByRole("navigation", { name: "Main" }).getByText(/^Items due: \d+$/).textContent()) ?? "")?.[0]);
    await expect.poll(async () => (await navCount()) - (await pageCount())).toBe(0);
    expect(await pageCount()).toBeGreaterThanOrEqual(4);
    expect(await rawCatalogKeys(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: new URL("my-work-social-worker-360.png", artifacts).pathname, fullPage: true });

    // Each item leads to where it is done: Sari's follow-up to the closed case's follow-up visits.
    await followUp.getByRole("link").click();
    await page.waitForURL((url) => url.hash === "#case-follow-ups-heading");
    await page.getByRole("heading", { level: 1 }).filter({ hasText: "Sari" }).waitFor();
    const visits = page.getByRole("region", { name: "Follow-up after closure" });
    await visits.getByRole("button", { name: "Record follow-up" }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("case-follow-ups-heading");

    // Ani's overdue review, to the plan.
    await openMyWork(page);
    await itemOf(workSection(page, "Progress reviews due"), "Ani").getByRole("link").click();
    await page.waitForURL((url) => url.hash === "#case-plan-heading");
    await page.getByRole("heading", { level: 1 }).filter({ hasText: "Ani" }).waitFor();
    await page.getByRole("region", { name: "Rehabilitation plan" }).getByText("Completes the health check and dental treatment").first().waitFor();
  });

  it("the counselor's My work lists the demo's positive screen, which opens the session note", async () => {
    const { context, page } = await newPage(browser, { timezoneId: ZONE });
    await signIn(page, "counselor@example.org");
    await page.getByRole("heading", { level: 1, name: "My work" }).waitFor();
    const screen = itemOf(workSection(page, "Positive screens to follow up"), "Ani");
    await expect(screen.innerText()).resolves.toMatch(/Positive PHQ-A in the session on [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    for (const other of ["Progress reviews due", "Milestones past their target date", "Milestones to verify", "Open risk flags"]) {
      await expect(workSection(page, other).count(), other).resolves.toBe(0);
    }
    expect(await rawCatalogKeys(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await screen.getByRole("link").click();
    await page.waitForURL((url) => /^\/cases\/[0-9a-f-]{36}\/sessions\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByRole("heading", { level: 1, name: "Counseling session note" }).waitFor();
    await page.getByText(/^Total 11 of 27/).waitFor();
    await context.close();
  });

  it("the supervisor's My work lists the demo's open risk flag, emergency access to review and milestone to verify, and the team's overdue work", async () => {
    const { page } = supervisor;
    await openMyWork(page);

    const flag = itemOf(workSection(page, "Open risk flags"), "Ani");
    await expect(flag.innerText()).resolves.toMatch(/Risk flag: contact with the exploiter or exposure online\. Raised by Budi Santoso on /);
    const access = itemOf(workSection(page, "Emergency access to review"), "Ani");
    await expect(access.innerText()).resolves.toMatch(
      /Emergency access by Rina Putri on .+\. Reason given: Hotline call at night: Ani said the man was outside her house\.$/,
    );
    // Five days before the server started (the demo seed dates in UTC).
    const fiveDaysAgo = new Date(Date.now() - 5 * DAY).toISOString().slice(0, 10);
    const toVerify = itemOf(workSection(page, "Milestones to verify"), "Ani");
    await expect(toVerify.innerText()).resolves.toContain(`Attending school regularly: achieved on ${dateWords(fiveDaysAgo)}, recorded by ${WORKER}`);

    // The team's overdue work, per worker: Ani's physical review and her take-down past its target.
    const team = page.getByRole("region", { name: "Team overdue work" });
    const row = team.getByRole("row").filter({ has: page.getByRole("rowheader", { name: WORKER }) });
    const cells = (await row.getByRole("cell").allInnerTexts()).map(Number);
    expect(cells).toHaveLength(4);
    expect(cells[0], "overdue reviews").toBeGreaterThanOrEqual(1);
    expect(cells[3], "milestones past target").toBeGreaterThanOrEqual(1);

    expect(await rawCatalogKeys(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: new URL("my-work-supervisor-360.png", artifacts).pathname, fullPage: true });

    // The risk flag is acknowledged on the supervision queue, where the link leads.
    await flag.getByRole("link").click();
    await page.waitForURL((url) => url.pathname === "/supervision" && url.hash === "#queue-flags-heading");
    const flags = page.getByRole("region", { name: /^Open risk flags/ });
    await itemOf(flags, "Ani").getByRole("button", { name: "Acknowledge" }).waitFor();

    // The emergency access is reviewed on its log.
    await openMyWork(page);
    await itemOf(workSection(page, "Emergency access to review"), "Ani").getByRole("link").click();
    await page.waitForURL((url) => url.pathname === "/cases/emergency-access");
    await page.getByRole("heading", { level: 1, name: "Emergency access log" }).waitFor();
    await page.getByRole("listitem").filter({ hasText: "Ani said the man was outside her house" }).getByRole("button", { name: "Mark reviewed" }).waitFor();

    // The attendance milestone, to the case's milestones, where it waits for her.
    await openMyWork(page);
    await itemOf(workSection(page, "Milestones to verify"), "Ani").getByRole("link").click();
    await page.waitForURL((url) => url.hash === "#case-milestones-heading");
    const attending = page.getByRole("region", { name: "Reintegration milestones" }).getByRole("article", { name: "Attending school regularly" });
    await attending.getByText("Awaiting verification", { exact: true }).waitFor();
    await attending.getByRole("button", { name: "Verify", exact: true }).waitFor();
  });

  it("the administrator's My work has no case work", async () => {
    const { context, page } = await newPage(browser, { timezoneId: ZONE });
    await signIn(page, "admin@example.org");
    await page.getByRole("heading", { level: 1, name: "My work" }).waitFor();
    await page.getByText("You manage accounts, teams and settings. Case work does not come to administrators.").waitFor();
    await expect(page.getByRole("main").getByRole("region").count()).resolves.toBe(0);
    await expect(page.getByRole("navigation", { name: "Main" }).getByText(/^Items due:/).count()).resolves.toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it.each(LANGUAGES)("My work and the timeline read in $locale, fit 360 px and pass axe", async (language) => {
    const { page } = worker;
    switched.add("social.worker@example.org");
    await switchLanguage(page, language.locale);
    await page.getByRole("navigation", { name: language.nav }).getByRole("link", { name: language.myWork, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: language.myWork }).waitFor();
    await itemOf(workSection(page, language.reviews), "Ani").waitFor();
    await expectTranslatedPage(page, `social worker's My work (${language.locale})`);
    await page.screenshot({ path: new URL(`my-work-social-worker-${language.locale}-360.png`, artifacts).pathname, fullPage: true });

    await page.goto(`${caseUrl}/timeline`);
    await page.getByRole("heading", { level: 1, name: `${language.timeline} ${alias} ${caseNumber}` }).waitFor();
    await page.getByRole("main").getByRole("listitem").filter({ hasText: new RegExp(`^${language.milestone} `) }).first().waitFor();
    await expectTranslatedPage(page, `timeline (${language.locale})`);
    await page.screenshot({ path: new URL(`timeline-${language.locale}-360.png`, artifacts).pathname, fullPage: true });

    switched.add("supervisor@example.org");
    await switchLanguage(supervisor.page, language.locale);
    await supervisor.page.goto("/");
    await supervisor.page.getByRole("heading", { level: 1, name: language.myWork }).waitFor();
    await itemOf(workSection(supervisor.page, language.toVerify), "Ani").waitFor();
    await expectTranslatedPage(supervisor.page, `supervisor's My work (${language.locale})`);
  });

  it("sets both users back to English", async () => {
    for (const [email, page] of [["social.worker@example.org", worker.page], ["supervisor@example.org", supervisor.page]] as const) {
      await switchLanguage(page, "en");
      await page.getByRole("navigation", { name: "Main" }).waitFor();
      switched.delete(email);
    }
    await Promise.all([worker.context.close(), supervisor.context.close()]);
  });
});
