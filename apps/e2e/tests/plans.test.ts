import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { chromiumPath, launchBrowser, newPage } from "../src/browser";
import { fillIntake, overflowsHorizontally, seriousAccessibilityViolations, signIn } from "../src/journeys";

// Without Chromium the journeys are reported as skipped, never as passed; CI requires them.
const runJourneys = Boolean(chromiumPath) || process.env.LENTERA_E2E_REQUIRED === "1";

const artifacts = new URL("../artifacts/", import.meta.url);

interface GoalPlan {
  domain: string;
  title: string;
  baseline: string;
  target: string;
  owner: string;
}

const GOALS: GoalPlan[] = [
  { domain: "Physical", title: "Dental treatment completed", baseline: "Tooth pain, no check-up", target: "Treatment finished", owner: "Puskesmas Harapan" },
  { domain: "Psychological", title: "Sleeps through most nights", baseline: "Nightmares 5 nights a week", target: "At most 1 night a week", owner: "Budi Santoso" },
  { domain: "Social", title: "Attends school 4 days a week", baseline: "Not attending", target: "4 days a week", owner: "Sari Wulandari" },
];

/** YYYY-MM-DD, `days` ago (the browser and the server run in the same zone here). */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

function planRegion(page: Page): Locator {
  return page.getByRole("region", { name: "Rehabilitation plan" });
}

/** Adds a goal in a domain through the editor and fills it in; the goal is the `n`th of the draft. */
async function addGoal(plan: Locator, n: number, goal: GoalPlan): Promise<void> {
  await plan.getByLabel("Domain of the new goal").selectOption({ label: goal.domain });
  await plan.getByRole("button", { name: "Add goal" }).click();
  const editor = plan.getByRole("group", { name: `Goal ${n}`, exact: true });
  await expect(editor.getByLabel("Domain", { exact: true }).locator("option:checked").innerText()).resolves.toBe(goal.domain);
  await editor.getByLabel("Goal title").fill(goal.title);
  await editor.getByLabel("Baseline (where things stand now)").fill(goal.baseline);
  await editor.getByLabel("Target (what success looks like)").fill(goal.target);
  await editor.getByLabel("Owner").selectOption({ label: goal.owner });
}

describe.runIf(runJourneys)("rehabilitation plan journeys", () => {
  let browser: Browser;
  const alias = `Melati ${Date.now().toString(36)}`;
  let caseUrl = "";

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("the social worker drafts a plan with goals in the three core domains and submits it", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, "social.worker@example.org");
    await page.goto("/cases/new");
    await fillIntake(page, { alias, legalName: "Ayu Lestari Plan Test", birthDate: "2010-09-17" });
    await page.getByRole("button", { name: "Register case" }).click();
    await page.getByRole("heading", { level: 1 }).filter({ hasText: alias }).waitFor();
    caseUrl = new URL(page.url()).pathname;

    const plan = planRegion(page);
    await plan.getByText("There is no rehabilitation plan for this case yet.").waitFor();
    await plan.getByRole("button", { name: "Start the plan" }).click();
    await plan.getByRole("heading", { name: "Editing version 1" }).waitFor();

    for (const [index, goal] of GOALS.entries()) await addGoal(plan, index + 1, goal);
    const first = plan.getByRole("group", { name: "Goal 1", exact: true });
    await first.getByLabel("Target date").fill(daysAgo(-60));
    await first.getByRole("button", { name: "Add service" }).click();
    await first.getByLabel("Service", { exact: true }).selectOption({ label: "Medical care" });
    await first.getByLabel("Provider", { exact: true }).selectOption({ label: "Puskesmas Harapan" });
    await first.getByLabel("Frequency").fill("Every two weeks");

    // Reordering: the social goal moves up one place, and back.
    await plan.getByRole("button", { name: "Move up (Goal 3)" }).click();
    await expect(plan.getByRole("group", { name: "Goal 2", exact: true }).getByLabel("Goal title").inputValue()).resolves.toBe(GOALS[2]?.title);
    await plan.getByRole("button", { name: "Move down (Goal 2)" }).click();
    await expect(plan.getByRole("group", { name: "Goal 3", exact: true }).getByLabel("Goal title").inputValue()).resolves.toBe(GOALS[2]?.title);

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.screenshot({ path: new URL("plan-editor-360.png", artifacts).pathname, fullPage: true });

    await plan.getByRole("button", { name: "Save draft" }).click();
    await page.getByText("Version 1 of the plan was saved as a draft.").waitFor();
    await plan.getByRole("heading", { name: "What this first version contains" }).waitFor();
    for (const goal of GOALS) await plan.getByRole("listitem").filter({ hasText: goal.title }).first().waitFor();

    await plan.getByRole("button", { name: "Submit for approval" }).click();
    await page.getByText("Version 1 was submitted for approval.").waitFor();
    await plan.getByText("Waiting for a supervisor's decision.").waitFor();
    // The author does not decide their own plan.
    await expect(plan.getByRole("button", { name: "Approve plan" }).count()).resolves.toBe(0);
    await context.close();
  });

  it("the team's supervisor reads what changed and approves; the plan is in force for the social worker too", async () => {
    const supervisor = await newPage(browser, { width: 1280 });
    await signIn(supervisor.page, "supervisor@example.org");
    await supervisor.page.goto(caseUrl);
    const plan = planRegion(supervisor.page);
    await plan.getByRole("heading", { name: "Decide on version 1" }).waitFor();
    for (const goal of GOALS) {
      await plan.locator(".diff--added").filter({ hasText: goal.title }).waitFor();
    }
    // Returning needs a comment; approving does not.
    await plan.getByRole("button", { name: "Return plan" }).click();
    await plan.getByText("Say why you are returning the request.").waitFor();
    await plan.getByRole("button", { name: "Approve plan" }).click();
    await supervisor.page.getByText("Version 1 was approved and is now the plan in force.").waitFor();
    await plan.getByRole("heading", { name: /Plan in force: version 1/ }).waitFor();
    await plan.getByText(/Approved on .* by Dewi Lestari\./).waitFor();
    expect(await seriousAccessibilityViolations(supervisor.page)).toEqual([]);
    await supervisor.context.close();

    const worker = await newPage(browser);
    await signIn(worker.page, "social.worker@example.org");
    await worker.page.goto(caseUrl);
    const workerPlan = planRegion(worker.page);
    await workerPlan.getByRole("heading", { name: /Plan in force: version 1/ }).waitFor();
    for (const goal of GOALS) await workerPlan.getByText(goal.title, { exact: true }).waitFor();
    await workerPlan.getByText(/Medical care · Puskesmas Harapan · Every two weeks/).waitFor();
    await expect(workerPlan.getByRole("button", { name: "Edit plan" }).count()).resolves.toBe(1);
    await worker.context.close();
  });

  it("the social worker records progress reviews of the social goal and sees them over time", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, "social.worker@example.org");
    await page.goto(caseUrl);
    const plan = planRegion(page);
    const social = GOALS[2]?.title ?? "";

    const record = async (date: string, progress: string, note: string) => {
      await plan.getByRole("button", { name: `Record review (${social})` }).click();
      const form = plan.locator("form").filter({ hasText: `Progress review: ${social}` });
      await form.getByLabel("Review date").fill(date);
      await form.getByLabel("Progress (%)").fill(progress);
      await form.getByLabel("Rating").selectOption({ label: "Some progress" });
      await form.getByLabel("Note").fill(note);
      await form.getByRole("button", { name: "Save review" }).click();
      await page.getByText(`The progress review of "${social}" was recorded.`).waitFor();
    };
    // Nothing is sent without a percentage or a rating.
    await plan.getByRole("button", { name: `Record review (${social})` }).click();
    await plan.getByRole("button", { name: "Save review" }).click();
    await plan.getByText("Give a progress percentage, a rating, or both.").waitFor();
    await plan.getByRole("button", { name: "Cancel" }).click();

    await record(daysAgo(14), "30", "Went to school twice last week.");
    await record(daysAgo(0), "60", "Attends school 3 to 4 days a week.");
    const card = plan.getByRole("listitem").filter({ hasText: social }).first();
    await card.getByText(/Latest review on .*: 60% · Some progress \(Sari Wulandari\)/).waitFor();
    await card.getByText(/^Review due /).waitFor();
    await card.getByText("Reviews over time (2)").click();
    await card.locator(".goal-chart svg").first().waitFor();
    await card.getByText(/Progress of .*: from 30% on .* to 60% on .*, over 2 reviews\./).waitFor();
    await card.getByRole("cell", { name: /Went to school twice/ }).waitFor();

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.screenshot({ path: new URL("plan-in-force-360.png", artifacts).pathname, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await plan.screenshot({ path: new URL("plan-in-force-desktop.png", artifacts).pathname });
    await context.close();
  });

  it("a second version: a stale save waits for a reload; the supervisor returns it with a comment the care team sees", async () => {
    const first = await newPage(browser);
    const second = await newPage(browser);
    await signIn(first.page, "social.worker@example.org");
    await signIn(second.page, "social.worker@example.org");
    // Both phones show the plan in force before either starts editing.
    for (const { page } of [first, second]) {
      await page.goto(caseUrl);
      await planRegion(page).getByRole("button", { name: "Edit plan" }).waitFor();
    }
    for (const { page } of [first, second]) {
      await planRegion(page).getByRole("button", { name: "Edit plan" }).click();
      await planRegion(page).getByRole("heading", { name: "Editing version 2" }).waitFor();
    }
    const firstGoal = planRegion(first.page).getByRole("group", { name: "Goal 1", exact: true });
    await firstGoal.getByLabel("Status").selectOption({ label: "In progress" });
    await firstGoal.getByLabel("Target (what success looks like)").fill("Treatment finished, no pain");
    await planRegion(first.page).getByRole("button", { name: "Save draft" }).click();
    await first.page.getByText("Version 2 of the plan was saved as a draft.").waitFor();

    const secondPlan = planRegion(second.page);
    await secondPlan.getByRole("group", { name: "Goal 2", exact: true }).getByLabel("Goal title").fill("Typed on the second phone");
    await secondPlan.getByRole("button", { name: "Save draft" }).click();
    await secondPlan.getByText("Someone else changed this plan. Reload to see the latest version.").waitFor();
    await expect(secondPlan.getByRole("group", { name: "Goal 2", exact: true }).getByLabel("Goal title").inputValue()).resolves.toBe(
      "Typed on the second phone",
    );
    await secondPlan.getByRole("button", { name: "Reload" }).click();
    await secondPlan.getByRole("heading", { name: /^Version 2/ }).waitFor();
    await expect(secondPlan.getByRole("button", { name: "Save draft" }).count()).resolves.toBe(0);
    await second.context.close();

    await planRegion(first.page).getByRole("button", { name: "Submit for approval" }).click();
    await first.page.getByText("Version 2 was submitted for approval.").waitFor();
    await first.context.close();

    const supervisor = await newPage(browser, { width: 1280 });
    await signIn(supervisor.page, "supervisor@example.org");
    await supervisor.page.goto(caseUrl);
    const plan = planRegion(supervisor.page);
    await plan.getByRole("heading", { name: "What changed against version 1" }).waitFor();
    const changed = plan.locator(".diff--changed").filter({ hasText: GOALS[0]?.title ?? "" });
    await changed.getByText("Not started").waitFor();
    await changed.getByText("In progress").waitFor();
    await changed.getByText("Treatment finished, no pain").waitFor();
    await plan.getByText("Goals unchanged: 2").waitFor();
    await plan.getByRole("heading", { name: "Decide on version 2" }).scrollIntoViewIfNeeded();
    await plan.screenshot({ path: new URL("plan-decide-desktop.png", artifacts).pathname });
    await plan.getByLabel("Comment").fill("Please add a legal goal before the court hearing.");
    await plan.getByRole("button", { name: "Return plan" }).click();
    await supervisor.page.getByText("Version 2 was returned to the care team.").waitFor();
    await supervisor.context.close();

    const worker = await newPage(browser);
    await signIn(worker.page, "social.worker@example.org");
    await worker.page.goto(caseUrl);
    const workerPlan = planRegion(worker.page);
    await workerPlan.getByText(/^Returned by Dewi Lestari on .*\. Change the plan and submit it again\.$/).waitFor();
    await workerPlan.getByText("Please add a legal goal before the court hearing.").first().waitFor();
    // The plan in force stays version 1 until a new version is approved.
    await workerPlan.getByRole("heading", { name: /Plan in force: version 1/ }).waitFor();
    await workerPlan.getByText("Version history (2)").click();
    await workerPlan.getByRole("button", { name: "View (Version 1)" }).click();
    await workerPlan.locator(".version-view").getByText(GOALS[1]?.title ?? "", { exact: true }).waitFor();
    expect(await seriousAccessibilityViolations(worker.page)).toEqual([]);
    expect(await overflowsHorizontally(worker.page)).toBe(false);
    await worker.context.close();
  });
});
