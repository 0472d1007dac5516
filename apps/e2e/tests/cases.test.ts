import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { chromiumPath, launchBrowser, newPage } from "../src/browser";
import { fillIntake, navigationLinks, overflowsHorizontally, seriousAccessibilityViolations, signIn } from "../src/journeys";

// Without Chromium the journeys are reported as skipped, never as passed; CI requires them.
const runJourneys = Boolean(chromiumPath) || process.env.LENTERA_E2E_REQUIRED === "1";

const NO_ACCESS = "This case does not exist or you do not have access to it.";

describe.runIf(runJourneys)("case journeys", () => {
  let browser: Browser;
  const alias = `Bunga ${Date.now().toString(36)}`;
  const client = { alias, legalName: "Siti Rahmawati Test", birthDate: "2011-04-02" };
  let caseUrl = "";
  let caseNumber = "";

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("gives each role its case navigation, and none to the administrator", async () => {
    const expected: [string, string[]][] = [
      ["social.worker@example.org", ["My work", "Cases", "New case", "Calendar", "Partners"]],
      ["counselor@example.org", ["My work", "Cases", "Calendar", "Partners"]],
      ["supervisor@example.org", ["My work", "Dashboard", "Cases", "New case", "Emergency access log", "Calendar", "Supervision", "Partners", "Audit log"]],
      ["admin@example.org", ["My work", "Partners", "Users", "Teams", "Agency settings", "Audit log"]],
    ];
    for (const [email, links] of expected) {
      const { context, page } = await newPage(browser);
      await signIn(page, email);
      expect(await navigationLinks(page)).toEqual(links);
      await context.close();
    }
  });

  it("the social worker registers a case and finds it in My cases by its alias", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, "social.worker@example.org");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "New case" }).click();
    await page.getByRole("heading", { name: "Register a new case" }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);

    // Inline validation: nothing is sent until the required answers are there.
    await page.getByRole("button", { name: "Register case" }).click();
    await page.getByText("Enter the birth date or an estimated age.").waitFor();
    await page.getByText("Choose at least one.").waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await fillIntake(page, client);
    await page.getByRole("button", { name: "Register case" }).click();
    await page.getByRole("heading", { level: 1 }).filter({ hasText: alias }).waitFor();
    const created = await page.getByText(/^Case LNT-\d{4}-\d{6} was registered\.$/).innerText();
    caseNumber = /LNT-\d{4}-\d{6}/.exec(created)?.[0] ?? "";
    expect(caseNumber).toMatch(/^LNT-\d{4}-\d{6}$/);
    caseUrl = new URL(page.url()).pathname;
    expect(caseUrl).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    // The legal name is not on the page until asked for, and leaves it on "Hide".
    await expect(page.getByText(client.legalName).count()).resolves.toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole("button", { name: "Show identifying details" }).click();
    await page.getByText(client.legalName).waitFor();
    await page.getByRole("button", { name: "Hide" }).click();
    await page.getByRole("button", { name: "Show identifying details" }).waitFor();
    await expect(page.getByText(client.legalName).count()).resolves.toBe(0);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cases" }).click();
    await page.getByLabel("Search by case number or alias").fill(alias);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    // The unfiltered list (newest first) can show the case before the search's answer replaces it.
    await page.waitForURL((url) => url.searchParams.get("q") === alias);
    const link = page.getByRole("link", { name: new RegExp(alias) });
    await link.waitFor();
    await expect.poll(() => link.count()).toBe(1);
    expect(await overflowsHorizontally(page)).toBe(false);
    await link.click();
    await page.waitForURL((url) => url.pathname === caseUrl);
    await context.close();
  });

  it("warns of a possible duplicate while the next intake is typed, without blocking it", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, "social.worker@example.org");
    await page.goto("/cases/new");
    await page.getByLabel("Birth date", { exact: true }).fill(client.birthDate);
    await page.getByLabel("Legal name").fill(client.legalName);
    await page.getByLabel("Legal name").blur();
    await page.getByText(`Possible duplicate: case ${caseNumber} (Tim Mawar)`).waitFor();
    await expect(page.getByRole("button", { name: "Register case" }).isEnabled()).resolves.toBe(true);
    await context.close();
  });

  it("keeps the user's text when someone else saved first, until they reload", async () => {
    const first = await newPage(browser);
    const second = await newPage(browser);
    await signIn(first.page, "social.worker@example.org");
    await signIn(second.page, "social.worker@example.org");
    for (const { page } of [first, second]) {
      await page.goto(caseUrl);
      await page.getByRole("button", { name: "Edit risk and safety" }).click();
    }
    await first.page.getByLabel("Risk concerns").fill("Text typed on the first phone");
    await second.page.getByLabel("Safety notes", { exact: true }).fill("Saved from the second phone");
    await second.page.getByRole("button", { name: "Save changes" }).click();
    await second.page.getByText("The changes were saved.").waitFor();
    await second.context.close();

    await first.page.getByRole("button", { name: "Save changes" }).click();
    await first.page.getByText("This case was changed by someone else. Reload to see the latest version.").waitFor();
    await expect(first.page.getByLabel("Risk concerns").inputValue()).resolves.toBe("Text typed on the first phone");
    await first.page.getByRole("button", { name: "Reload" }).click();
    await first.page.getByText("Saved from the second phone").first().waitFor();
    await expect(first.page.getByRole("button", { name: "Save changes" }).count()).resolves.toBe(0);
    await first.context.close();
  });

  it("a social worker of another team gets the not-found message, not the case", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, "social.worker2@example.org");
    await page.goto(caseUrl);
    await page.getByText(NO_ACCESS).waitFor();
    await expect(page.getByText(alias).count()).resolves.toBe(0);
    // An address that is not a case at all gets the very same words.
    await page.goto("/cases/00000000-0000-4000-8000-000000000000");
    await page.getByText(NO_ACCESS).waitFor();
    await context.close();
  });

  it("the supervisor adds the counselor to the care team, who can then open the case", async () => {
    const counselor = await newPage(browser);
    await signIn(counselor.page, "counselor@example.org");
    await counselor.page.goto(caseUrl);
    await counselor.page.getByText(NO_ACCESS).waitFor();

    const supervisor = await newPage(browser);
    await signIn(supervisor.page, "supervisor@example.org");
    await supervisor.page.goto(caseUrl);
    const careTeam = supervisor.page.getByRole("region", { name: "Care team" });
    await careTeam.getByRole("button", { name: "Edit care team" }).click();
    const primary = careTeam.getByLabel("Primary social worker");
    await expect(primary.locator("option:checked").innerText()).resolves.toBe("Sari Wulandari");
    const budi = careTeam.getByRole("checkbox", { name: "Budi Santoso" });
    await expect(budi.isChecked()).resolves.toBe(false);
    await budi.check();
    expect(await seriousAccessibilityViolations(supervisor.page)).toEqual([]);
    expect(await overflowsHorizontally(supervisor.page)).toBe(false);
    await careTeam.getByRole("button", { name: "Save care team" }).click();
    await supervisor.page.getByText("The care team was changed.").waitFor();
    await careTeam.getByText("Budi Santoso — Counselor").waitFor();
    await careTeam.getByText("Sari Wulandari — Primary social worker").waitFor();
    await expect(careTeam.getByRole("button", { name: "Save care team" }).count()).resolves.toBe(0);
    await supervisor.page.getByRole("listitem").filter({ hasText: "Care team changed" }).first().waitFor();
    await supervisor.context.close();

    await counselor.page.goto(caseUrl);
    await counselor.page.getByRole("heading", { level: 1 }).filter({ hasText: alias }).waitFor();
    // Only a supervisor of the team changes the care team.
    await expect(counselor.page.getByRole("button", { name: "Edit care team" }).count()).resolves.toBe(0);
    await counselor.context.close();
  });

  it("the social worker activates the case and requests closure; the supervisor approves it", async () => {
    const worker = await newPage(browser);
    await signIn(worker.page, "social.worker@example.org");
    await worker.page.goto(caseUrl);
    await worker.page.getByText("Current status: Intake.").waitFor();
    await worker.page.getByRole("button", { name: "Activate" }).click();
    await worker.page.getByText("Current status: Active.").waitFor();
    await worker.page.getByRole("button", { name: "Request closure" }).click();
    await worker.page.getByLabel("Closure reason").selectOption({ label: "Goals achieved" });
    await worker.page.getByRole("button", { name: "Send closure request" }).click();
    await worker.page.getByText("The closure request was sent to the supervisor.").waitFor();
    await expect(worker.page.getByRole("button", { name: "Request closure" }).count()).resolves.toBe(0);
    await worker.context.close();

    const supervisor = await newPage(browser);
    await signIn(supervisor.page, "supervisor@example.org");
    await supervisor.page.goto(caseUrl);
    await supervisor.page.getByText(/asked on .* to close this case: Goals achieved\./).waitFor();
    // Returning needs a comment; approving does not.
    await supervisor.page.getByRole("button", { name: "Return" }).click();
    await supervisor.page.getByText("Say why you are returning the request.").waitFor();
    await supervisor.page.getByRole("button", { name: "Approve closure" }).click();
    await supervisor.page.getByText("Current status: Closed.").waitFor();
    await expect(supervisor.page.locator(".case-header").innerText()).resolves.toContain("Closed");
    await supervisor.page.getByRole("listitem").filter({ hasText: "Case closed" }).first().waitFor();
    expect(await seriousAccessibilityViolations(supervisor.page)).toEqual([]);
    await supervisor.context.close();
  });

  it("emergency access opens the case read-only, and the supervisor reviews it", async () => {
    const other = await newPage(browser);
    await signIn(other.page, "social.worker2@example.org");
    await other.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cases" }).click();
    await other.page.getByRole("button", { name: "Ask for emergency access" }).click();
    await other.page.getByLabel("Case number", { exact: true }).fill(caseNumber);
    await other.page.getByLabel("Why do you need the case now?").fill("Hotline call at night, child in danger");
    await other.page.getByRole("button", { name: "Open the case (logged)" }).click();
    await other.page.getByText("Emergency access — read only, logged.").waitFor();
    await other.page.getByRole("heading", { level: 1 }).filter({ hasText: alias }).waitFor();
    await expect(other.page.getByRole("button", { name: "Reopen case" }).count()).resolves.toBe(0);
    await other.context.close();

    const supervisor = await newPage(browser);
    await signIn(supervisor.page, "supervisor@example.org");
    await supervisor.page.getByRole("link", { name: "Emergency access log" }).click();
    // The demo seed has an emergency access of its own (to Ani's case), for My work: this one is the journey's.
    const grant = supervisor.page.getByRole("listitem").filter({ hasText: caseNumber }).filter({ hasText: "Hotline call at night, child in danger" });
    await grant.getByRole("button", { name: "Mark reviewed" }).click();
    await grant.getByText("Reviewed", { exact: true }).waitFor();
    expect(await seriousAccessibilityViolations(supervisor.page)).toEqual([]);
    await supervisor.context.close();
  });
});
