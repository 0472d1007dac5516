import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { chromiumPath, launchBrowser, newPage } from "../src/browser";
import { fillIntake, overflowsHorizontally, rawCatalogKeys, seriousAccessibilityViolations, signIn, switchLanguage } from "../src/journeys";

// Without Chromium the journeys are reported as skipped, never as passed; CI requires them.
const runJourneys = Boolean(chromiumPath) || process.env.LENTERA_E2E_REQUIRED === "1";

/** The demo agency's zone, as its staff's phones are set. */
const ZONE = "Asia/Jakarta";
const isoDay = (instant: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, dateStyle: "short" }).format(instant);

/** A section of the case page, by its heading. */
const section = (page: Page, name: string | RegExp): Locator => page.getByRole("region", { name });

describe.runIf(runJourneys)("a referral with consent, an item found online and its takedown", () => {
  let browser: Browser;
  let worker: { context: BrowserContext; page: Page };
  const marker = Date.now().toString(36);
  const alias = `Wulan ${marker}`;
  const today = isoDay(new Date());
  let caseUrl = "";

  beforeAll(async () => {
    browser = await launchBrowser();
    worker = await newPage(browser, { timezoneId: ZONE });
    await signIn(worker.page, "social.worker@example.org");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the social worker records the referral consent and refers the case to a legal-aid partner", async () => {
    const { page } = worker;
    await page.goto("/cases/new");
    await fillIntake(page, { alias, legalName: "Wulan Referral Test", birthDate: "2009-05-04" });
    await page.getByRole("button", { name: "Register case" }).click();
    await page.getByRole("heading", { level: 1 }).filter({ hasText: alias }).waitFor();
    caseUrl = new URL(page.url()).pathname;

    const consents = section(page, "Consent");
    await consents.getByRole("button", { name: "Record consent" }).click();
    await consents.getByLabel("Consent for").selectOption({ label: "Referral" });
    await consents.getByLabel("Given by").selectOption({ index: 1 });
    await consents.getByLabel("Given on").fill(today);
    await consents.getByRole("button", { name: "Save consent" }).click();
    await page.getByText("Consent for Referral was recorded.").waitFor();

    const referrals = section(page, "Referrals");
    await referrals.getByRole("button", { name: "Refer" }).click();
    // Each partner is named with its kind.
    await referrals.getByLabel("Partner organization").selectOption({ label: "LBH Kota Harapan (Legal aid)" });
    await referrals.getByRole("checkbox", { name: "Legal aid" }).check();
    await referrals.getByLabel("Reason for the referral").fill("Legal advice on reporting the sextortion to the police.");
    // Identifying data stays locked: information sharing is not consented to.
    expect(await referrals.getByRole("checkbox", { name: /Identifying data/ }).isDisabled()).toBe(true);
    await referrals.getByRole("button", { name: "Send referral" }).click();
    await page.getByText("The referral to LBH Kota Harapan was sent.").waitFor();
    await referrals.getByText("Sent", { exact: true }).first().waitFor();
  });

  it("records an item found online without its content, requests its takedown and marks it removed", async () => {
    const { page } = worker;
    const harm = section(page, /^Online harm/);
    await harm.getByText("Lentera never stores the image, video or chat itself", { exact: false }).first().waitFor();
    await harm.getByRole("button", { name: "Record an item found online" }).click();
    await harm.getByLabel("Kind of item").selectOption({ label: "Intimate image shared without consent" });
    await harm.getByLabel("Kind of platform").selectOption({ label: "Social media" });
    await harm.getByLabel("Platform name").fill("PhotoGram");
    await harm.getByLabel("Address or identifier").fill(`https://photogram.example/p/${marker}`);
    await harm.getByLabel("Found on").fill(today);
    await harm.getByLabel("Found by").selectOption({ label: "the survivor" });
    await harm.getByRole("button", { name: "Record item" }).click();
    await page.getByText("The item found online was recorded.").waitFor();
    await harm.getByText("1 of 1 items still online").waitFor();
    // Nowhere to attach the content itself.
    expect(await harm.locator('input[type="file"]').count()).toBe(0);

    await harm.getByRole("button", { name: "Request takedown" }).click();
    await harm.getByLabel("Channel").selectOption({ label: "Platform report form" });
    await harm.getByLabel("Reported on").fill(today);
    await harm.getByRole("button", { name: "Record request" }).click();
    await page.getByText("The takedown request was recorded.").waitFor();

    await harm.getByRole("button", { name: /^Update/ }).first().click();
    await harm.getByLabel("New status").selectOption({ label: "Removed" });
    await harm.getByLabel("Date", { exact: true }).fill(today);
    await harm.getByRole("button", { name: "Save update" }).click();
    await page.getByText(/The takedown request is now: Removed\./).waitFor();
    await harm.getByText("0 of 1 items still online").waitFor();
  });

  it("shows the case page in Indonesian and Vietnamese with no raw keys, no overflow and no serious axe violation", async () => {
    const { page } = worker;
    try {
      for (const locale of ["id", "vi"] as const) {
        await switchLanguage(page, locale);
        await page.goto(caseUrl);
        await page.locator("#case-online-harm-heading").waitFor();
        await page.locator("#case-referrals-heading").waitFor();
        // The case history lists the takedown's changes in the section's words too.
        await page.locator("#case-history-heading, .case-history").first().waitFor();
        expect(await rawCatalogKeys(page), `${locale}: raw keys`).toEqual([]);
        expect(await overflowsHorizontally(page), `${locale}: overflow`).toBe(false);
        expect(await seriousAccessibilityViolations(page), `${locale}: axe`).toEqual([]);
      }
    } finally {
      // The demo social worker is shared by every journey: never leave them in another language.
      await switchLanguage(page, "en");
    }
  });

  it("the supervisor's dashboard counts the removed item and the referral", async () => {
    const supervisor = await newPage(browser, { timezoneId: ZONE });
    await signIn(supervisor.page, "supervisor@example.org");
    const answer = supervisor.page.waitForResponse((response) => response.url().includes("dashboard.get") && response.ok());
    await supervisor.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard", exact: true }).click();
    // The answer may come in a batch with other procedures' answers.
    type Figures = { takedowns: { itemsRemoved: number }; referrals: { byStatus: { sent: number } } };
    const parsed = (await (await answer).json()) as { result?: { data?: { json?: Figures } } } | { result?: { data?: { json?: Figures } } }[];
    const figures = [parsed].flat().map((entry) => entry.result?.data?.json).find((json) => json?.takedowns !== undefined);
    expect(figures?.takedowns.itemsRemoved).toBeGreaterThanOrEqual(1);
    expect(figures?.referrals.byStatus.sent).toBeGreaterThanOrEqual(1);
    await supervisor.page.getByRole("heading", { name: "Partners and online harm" }).waitFor();
    await supervisor.context.close();
  });
});
