import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromiumPath, launchBrowser, newPage } from "../src/browser";
import { overflowsHorizontally, rawCatalogKeys, seriousAccessibilityViolations, signIn } from "../src/journeys";

// Without Chromium the journeys are reported as skipped, never as passed; CI requires them.
const runJourneys = Boolean(chromiumPath) || process.env.LENTERA_E2E_REQUIRED === "1";

/** The demo agency's zone, as its staff's phones are set. */
const ZONE = "Asia/Jakarta";

/** A screen a supervisor reads on a phone: no raw catalog key, no sideways scrolling, no serious axe violation. */
async function expectReadablePage(page: Page, name: string): Promise<void> {
  expect(await rawCatalogKeys(page), `${name}: raw catalog keys`).toEqual([]);
  expect(await overflowsHorizontally(page), `${name}: horizontal overflow at 360 px`).toBe(false);
  expect(await seriousAccessibilityViolations(page), `${name}: axe`).toEqual([]);
}

describe.runIf(runJourneys)("the supervisor's dashboard", () => {
  let browser: Browser;
  let supervisor: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    browser = await launchBrowser();
    supervisor = await newPage(browser, { timezoneId: ZONE });
    await signIn(supervisor.page, "supervisor@example.org");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens the dashboard, follows 'overdue reviews' to the list behind it and opens a case from it", async () => {
    const { page } = supervisor;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Team dashboard" }).waitFor();
    // The demo's Ani has a goal whose review is overdue (apps/server/src/demo-cases.ts).
    const overdue = page.getByRole("link", { name: /Overdue reviews/ });
    await overdue.waitFor();
    const figure = Number(/(\d+)/.exec(await overdue.innerText())?.[1]);
    expect(figure).toBeGreaterThanOrEqual(1);
    // The charts arrive with their tables; the page is read on a phone.
    await page.getByRole("table").first().waitFor();
    await expectReadablePage(page, "dashboard");

    await overdue.click();
    await page.getByRole("heading", { level: 1, name: "Overdue goal reviews" }).waitFor();
    // The list holds as many cases as the figure said.
    await page.getByText(new RegExp(`(of|in all) ${figure}\\b`)).first().waitFor();
    await expectReadablePage(page, "overdue reviews list");

    // Every download is audited; the file holds the list's rows under translated headers.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
    const csv = await readFile((await download.path()) ?? "", "utf8");
    const lines = csv.replace(/^\uFEFF/, "").trim().split(/\r\n/);
    expect(lines).toHaveLength(figure + 1);
    expect(lines.some((line) => line.includes("Ani"))).toBe(true);

    await page.getByRole("main").getByRole("link", { name: "Ani", exact: true }).first().click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: /Ani/ }).waitFor();
  });

  it("is not offered to a social worker, and refused at its address", async () => {
    const worker = await newPage(browser, { timezoneId: ZONE });
    await signIn(worker.page, "social.worker@example.org");
    const links = await worker.page.getByRole("navigation", { name: "Main" }).getByRole("link").allInnerTexts();
    expect(links.map((text) => text.trim())).not.toContain("Dashboard");
    await worker.page.goto("/dashboard");
    await worker.page.getByRole("heading", { level: 1 }).waitFor();
    expect(await worker.page.getByRole("heading", { level: 1, name: "Team dashboard" }).count()).toBe(0);
    await worker.context.close();
  });
});
