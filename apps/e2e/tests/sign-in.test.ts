import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { chromiumPath, launchBrowser, newPage } from "../src/browser";
import { DEMO_PASSWORD, navigationLinks, overflowsHorizontally, seriousAccessibilityViolations, signIn, switchLanguage } from "../src/journeys";

// Without Chromium the journeys are reported as skipped, never as passed; CI requires them.
const runJourneys = Boolean(chromiumPath) || process.env.LENTERA_E2E_REQUIRED === "1";

describe.runIf(runJourneys)("signing in", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it.each([
    ["social.worker@example.org", ["My work", "Cases", "New case", "Calendar", "Partners"]],
    ["counselor@example.org", ["My work", "Cases", "Calendar", "Partners"]],
    ["supervisor@example.org", ["My work", "Dashboard", "Cases", "New case", "Emergency access log", "Calendar", "Supervision", "Partners", "Audit log"]],
    ["admin@example.org", ["My work", "Partners", "Users", "Teams", "Agency settings", "Audit log"]],
  ])("%s signs in and sees the navigation of their role", async (email, expected) => {
    const { context, page } = await newPage(browser);
    await signIn(page, email);
    expect(await navigationLinks(page)).toEqual(expected);
    await context.close();
  });

  it("refuses a wrong password with the generic message and stays on the sign-in page", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("supervisor@example.org");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").first().innerText()).resolves.toMatch(/incorrect/i);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await context.close();
  });

  it("signs out and cannot go back into the app", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, "counselor@example.org");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await page.goto("/");
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await context.close();
  });

  it("keeps a non-administrator out of the admin pages", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, "social.worker@example.org");
    await page.goto("/admin/users");
    await page.getByText("You do not have access to this page").waitFor();
    await expect(page.getByRole("table").count()).resolves.toBe(0);
    await context.close();
  });

  it("switches the language of the sign-in page", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/sign-in");
    await page.getByLabel("Language").selectOption("id");
    await page.getByRole("heading", { name: "Masuk ke Lentera" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("id");
    // The label is translated too.
    await page.getByLabel("Bahasa", { exact: true }).selectOption("vi");
    await page.getByRole("heading", { name: "Đăng nhập vào Lentera" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
    await context.close();
  });

  it("saves a signed-in user's language to their profile, so it follows them to another device", async () => {
    const first = await newPage(browser);
    await signIn(first.page, "social.worker2@example.org");
    // Waits for the profile to have it: closing the page sooner can cancel the save.
    await switchLanguage(first.page, "vi");
    await first.page.getByRole("navigation", { name: "Chính" }).waitFor();
    await first.context.close();

    const second = await newPage(browser);
    await second.page.goto("/sign-in");
    await second.page.getByLabel("Email").fill("social.worker2@example.org");
    await second.page.getByLabel("Password").fill(DEMO_PASSWORD);
    await second.page.getByRole("button", { name: "Sign in" }).click();
    await second.page.getByRole("navigation", { name: "Chính" }).waitFor();
    expect(await second.page.locator("html").getAttribute("lang")).toBe("vi");
    // Back to English: other journeys sign in as this user on the same server.
    await switchLanguage(second.page, "en");
    await second.page.getByRole("navigation", { name: "Main" }).waitFor();
    await second.context.close();
  });

  it("has no serious accessibility violation on the sign-in page and the shell, and fits 360 px", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await signIn(page, "admin@example.org");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole("link", { name: "Users" }).click();
    await page.getByRole("table").waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
