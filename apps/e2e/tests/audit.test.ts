import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromiumPath, launchBrowser, newPage } from "../src/browser";
import { overflowsHorizontally, rawCatalogKeys, seriousAccessibilityViolations, signIn } from "../src/journeys";

// Without Chromium the journeys are reported as skipped, never as passed; CI requires them.
const runJourneys = Boolean(chromiumPath) || process.env.LENTERA_E2E_REQUIRED === "1";

describe.runIf(runJourneys)("the audit log", () => {
  let browser: Browser;
  let supervisor: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    browser = await launchBrowser();
    supervisor = await newPage(browser, { timezoneId: "Asia/Jakarta" });
    await signIn(supervisor.page, "supervisor@example.org");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the supervisor filters by the demo case, sees the emergency access to it, and downloads the CSV", async () => {
    const { page } = supervisor;
    // The demo's night-shift worker of the other team opened Ani's case (apps/server/src/demo-cases.ts).
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Emergency access log" }).click();
    const caseLink = page.getByRole("main").getByRole("link", { name: /^[A-Z]{2,8}-\d{4}-\d{6}$/ }).first();
    await caseLink.waitFor();
    const caseNumber = (await caseLink.innerText()).trim();

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("heading", { level: 1, name: "Audit log" }).waitFor();
    await page.getByLabel("Case number").fill(caseNumber.toLowerCase());
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("case") === caseNumber);

    const table = page.getByRole("table", { name: "Audit events, newest first" });
    await table.waitFor();
    const access = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Emergency access", exact: true }) });
    await access.first().waitFor();
    expect(await table.getByRole("link", { name: caseNumber }).count()).toBeGreaterThan(0);
    // Only this case's events are listed.
    const caseCells = await table.locator("tbody tr td:nth-child(4)").allInnerTexts();
    expect(new Set(caseCells.map((text) => text.trim()))).toEqual(new Set([caseNumber]));

    expect(await rawCatalogKeys(page), "raw catalog keys").toEqual([]);
    expect(await overflowsHorizontally(page), "horizontal overflow at 360 px").toBe(false);
    expect(await seriousAccessibilityViolations(page), "axe").toEqual([]);

    // The filter survives a reload: it lives in the address.
    await page.reload();
    await table.getByRole("rowheader", { name: "Emergency access", exact: true }).first().waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
    const csv = await readFile((await download.path()) ?? "", "utf8");
    const [header, ...lines] = csv.replace(/^\uFEFF/, "").trim().split(/\r\n/);
    expect(header).toBe("When,Action,Who,Case,Record,Fields changed,From (IP)");
    expect(lines.length).toBe(caseCells.length);
    expect(lines.some((line) => line.includes("Emergency access") && line.includes(caseNumber))).toBe(true);
    await page.getByText(/events downloaded/).waitFor();
  });
});
