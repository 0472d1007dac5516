import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { chromiumPath, launchBrowser, newPage } from "../src/browser";
import { overflowsHorizontally, seriousAccessibilityViolations, signIn } from "../src/journeys";

const runJourneys = Boolean(chromiumPath) || process.env.LENTERA_E2E_REQUIRED === "1";

async function openSettings(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Agency settings" }).click();
  await page.getByRole("button", { name: "Save settings" }).waitFor();
}

async function save(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByRole("status").filter({ hasText: "The settings were saved." }).waitFor();
}

describe.runIf(runJourneys)("agency settings and the partner directory", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  // "Economic" is a domain no other journey uses; it is switched back off at the end because
  // every journey shares one server.
  it("the administrator switches on an optional plan domain, and it is kept", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, "admin@example.org");
    await openSettings(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    const economic = page.getByRole("checkbox", { name: "Economic" });
    expect(await economic.isChecked()).toBe(false);

    await economic.check();
    await save(page);
    await page.reload();
    await page.getByRole("button", { name: "Save settings" }).waitFor();
    expect(await page.getByRole("checkbox", { name: "Economic" }).isChecked()).toBe(true);

    await page.getByRole("checkbox", { name: "Economic" }).uncheck();
    await save(page);
    await page.reload();
    await page.getByRole("button", { name: "Save settings" }).waitFor();
    expect(await page.getByRole("checkbox", { name: "Economic" }).isChecked()).toBe(false);
    await context.close();
  });

  it("refuses a review interval out of range, and a save over someone else's is reloaded, not lost silently", async () => {
    const first = await newPage(browser, { width: 1280 });
    const second = await newPage(browser, { width: 1280 });
    await signIn(first.page, "admin@example.org");
    await signIn(second.page, "admin@example.org");
    await openSettings(first.page);
    await openSettings(second.page);

    const interval = second.page.getByLabel("Days between progress reviews");
    const original = await interval.inputValue();
    await interval.fill("3");
    await second.page.getByRole("button", { name: "Save settings" }).click();
    await second.page.getByText("This number is out of the allowed range.").waitFor();
    await interval.fill(original);

    // Saving unchanged settings still makes a new version: the second page now holds an old one.
    await save(first.page);
    await second.page.getByRole("button", { name: "Save settings" }).click();
    await second.page.getByRole("alert").filter({ hasText: "Someone else changed the settings" }).waitFor();
    // Reloaded with the new version: saving again goes through.
    await save(second.page);
    await first.context.close();
    await second.context.close();
  });

  it("a supervisor adds a partner organization once; the same name again is refused", async () => {
    const name = `Klinik Sehat ${Date.now()}`;
    const { context, page } = await newPage(browser);
    await signIn(page, "supervisor@example.org");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" }).click();
    await page.getByRole("heading", { name: "Add a partner organization" }).waitFor();
    await page.getByLabel("Organization name").fill(name);
    await page.getByLabel("Kind of organization").selectOption("health");
    await page.getByRole("button", { name: "Add partner" }).click();
    await page.getByRole("rowheader", { name }).waitFor();
    expect(await page.getByRole("row").filter({ hasText: name }).getByRole("cell").innerText()).toBe("Health service");

    await page.getByLabel("Organization name").fill(name);
    await page.getByLabel("Kind of organization").selectOption("health");
    await page.getByRole("button", { name: "Add partner" }).click();
    await page.getByText("A partner with this name already exists.").waitFor();
    expect(await page.getByRole("rowheader", { name }).count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await context.close();
  });

  it("a counselor reads the directory but cannot add to it, and sees her work on My work", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, "counselor@example.org");
    await page.getByRole("heading", { level: 1, name: "My work" }).waitFor();
    // The demo's positive PHQ-A on Ani's case, still to be followed up.
    await page.getByRole("heading", { level: 2, name: /^Positive screens to follow up \d+$/ }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" }).click();
    await page.getByRole("heading", { name: "Partner organizations" }).waitFor();
    await page.getByRole("table").waitFor();
    expect(await page.getByRole("button", { name: "Add partner" }).count()).toBe(0);
    await page.goto("/admin/settings");
    await page.getByText("You do not have access to this page").waitFor();
    await context.close();
  });
});
