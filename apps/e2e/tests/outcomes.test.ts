import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { chromiumPath, launchBrowser, newPage } from "../src/browser";
import { overflowsHorizontally, seriousAccessibilityViolations, signIn } from "../src/journeys";

// Without Chromium the journeys are reported as skipped, never as passed; CI requires them.
const runJourneys = Boolean(chromiumPath) || process.env.LENTERA_E2E_REQUIRED === "1";

/** The answer (a value of the 1–4 scale) to every item of a domain, or to each item in turn. */
type DomainAnswers = Record<string, number | number[]>;

/** Answers the items of the entry form, domain by domain, with the radio buttons' scale values. */
async function answer(form: Locator, answers: DomainAnswers): Promise<void> {
  for (const [domain, values] of Object.entries(answers)) {
    const items = form.getByRole("group", { name: domain, exact: true }).locator("fieldset");
    const count = await items.count();
    for (let index = 0; index < count; index += 1) {
      const value = Array.isArray(values) ? values[index] : values;
      if (value !== undefined) await items.nth(index).locator(`input[type="radio"][value="${value}"]`).check();
    }
  }
}

async function registerCase(page: Page, alias: string): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "New case" }).click();
  await page.getByRole("heading", { name: "Register a new case" }).waitFor();
  await page.getByLabel("Alias", { exact: true }).fill(alias);
  await page.getByLabel("Birth date", { exact: true }).fill("2010-09-14");
  await page.getByLabel("Sex", { exact: true }).selectOption({ label: "Female" });
  await page.getByLabel("Province").selectOption("Jawa Barat");
  await page.getByLabel("Regency or city").fill("Kota Bandung");
  await page.getByLabel("Legal name").fill("Putri Outcome Test");
  await page.getByRole("checkbox", { name: "Grooming" }).check();
  await page.getByLabel("Referral source").selectOption({ label: "Hotline (129 / 111)" });
  await page.getByLabel("Risk level").selectOption({ label: "High" });
  await page.getByRole("button", { name: "Register case" }).click();
  await page.getByRole("heading", { level: 1 }).filter({ hasText: alias }).waitFor();
}

describe.runIf(runJourneys)("outcome assessments", () => {
  let browser: Browser;
  let caseUrl = "";

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("the social worker enters an intake assessment on a phone, scored as she goes, and sees two domains at risk", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, "social.worker@example.org");
    await registerCase(page, `Putri ${Date.now().toString(36)}`);
    caseUrl = new URL(page.url()).pathname;
    const outcomes = page.getByRole("region", { name: "Outcome assessments" });
    await outcomes.getByText("No completed assessment yet.").waitFor();

    await outcomes.getByRole("button", { name: "New assessment" }).click();
    const form = outcomes.locator("form");
    await expect(form.getByLabel("Timepoint").inputValue()).resolves.toBe("intake");
    await answer(form, { Safety: [1, 2] });
    await form.getByText("Safety: score 1.5 (2 of 3 answered)").waitFor();
    const complete = form.getByRole("button", { name: "Complete the assessment" });
    await expect(complete.isDisabled()).resolves.toBe(true);
    await form.getByText("To complete, answer every item: 14 not answered yet.", { exact: false }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);

    // A draft keeps the answers so far and is continued later.
    await form.getByRole("button", { name: "Save draft" }).click();
    await outcomes.getByText("Draft assessment saved.", { exact: false }).waitFor();
    await outcomes.getByRole("button", { name: /^Continue/ }).click();
    await answer(form, {
      Safety: [1, 2, 2],
      "Legal protection": 3,
      "Mental wellbeing": [2, 2, 1],
      "Education and livelihood": 3,
      "Social support": 3,
      "Physical wellbeing": 3,
    });
    await form.getByText("Every item is answered.", { exact: false }).waitFor();
    await complete.click();

    await outcomes.getByText("Assessment completed.", { exact: false }).waitFor();
    await outcomes.getByText("At risk: Safety, Mental wellbeing.").waitFor();
    const safety = outcomes.getByRole("listitem").filter({ hasText: "Safety" }).first();
    await expect(safety.innerText()).resolves.toMatch(/At risk[\s\S]*Score 1\.67/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);

    // Completed is final: it opens read-only, with the answers given.
    await outcomes.getByRole("button", { name: /^View/ }).click();
    await outcomes.getByText("1 – Most vulnerable").first().waitFor();
    await expect(outcomes.getByRole("button", { name: /^Continue/ }).count()).resolves.toBe(0);
    await context.close();
  });

  it("a plan with no goal for the at-risk domains is refused, naming them", async () => {
    const { context, page } = await newPage(browser, { width: 1280 });
    await signIn(page, "social.worker@example.org");
    await page.goto(caseUrl);
    const plan = page.getByRole("region", { name: "Rehabilitation plan" });
    await plan.getByRole("button", { name: "Start the plan" }).click();
    await plan.getByRole("button", { name: "Add goal" }).click();
    await plan.getByLabel("Goal title").fill("Completes a health check");
    await plan.getByLabel("Baseline (where things stand now)").fill("No check-up this year");
    await plan.getByLabel("Target (what success looks like)").fill("Check-up done, follow-up booked");
    await plan.getByRole("button", { name: "Save draft" }).click();
    await page.getByText(/of the plan was saved as a draft/).waitFor();
    // Submit the version just saved, not the one the page held before it reloaded the plan.
    await page.waitForLoadState("networkidle");
    await plan.getByRole("button", { name: "Submit for approval" }).click();
    const refusal = plan.getByRole("alert").filter({ hasText: "The latest assessment marks these domains at risk" });
    await refusal.waitFor();
    await expect(refusal.innerText()).resolves.toMatch(/Safety[\s\S]*Mental wellbeing/);
    await context.close();
  });
});
