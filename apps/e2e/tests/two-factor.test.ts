import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { generateHOTP } from "@oslojs/otp";
import { chromiumPath, launchBrowser, newPage } from "../src/browser";
import { overflowsHorizontally, seriousAccessibilityViolations, signIn } from "../src/journeys";

const runJourneys = Boolean(chromiumPath) || process.env.LENTERA_E2E_REQUIRED === "1";
const REQUIRE_LABEL = "Require two-factor sign-in for supervisors and administrators";

/** RFC 4648 base32 (what the enrolment page shows for typing into an app by hand). */
function decodeBase32(text: string): Uint8Array {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of text.replace(/[\s=]/g, "").toUpperCase()) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 0xff);
    }
  }
  return new Uint8Array(bytes);
}

const currentStep = () => Math.floor(Date.now() / 30_000);
/** What an authenticator app shows now, as the person would read it off their phone. */
const totp = (key: Uint8Array, step = currentStep()) => generateHOTP(key, BigInt(step), 6);

/** The demo agency's two-factor requirement, set from the administrator's settings page. */
async function setRequirement(page: Page, on: boolean): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Agency settings" }).click();
  const box = page.getByRole("checkbox", { name: REQUIRE_LABEL });
  await box.waitFor();
  if ((await box.isChecked()) === on) return;
  await box.setChecked(on);
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByRole("status").filter({ hasText: "The settings were saved." }).waitFor();
}

async function signInWithPassword(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe.runIf(runJourneys)("two-factor sign-in", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  // The demo agency does not require two-factor sign-in (demo mode), and the shared demo users sign
  // in with a password in every other journey: the administrator turns the requirement on for this
  // journey only, from a session that stays open, and off again at the end whatever happens.
  it("a new supervisor is sent to enrolment, enrols with an app, sees recovery codes once, and signs in again with a code", { timeout: 150_000 }, async () => {
    const admin = await newPage(browser, { width: 1280 });
    await signIn(admin.page, "admin@example.org");
    try {
      await setRequirement(admin.page, true);
      const email = `new.supervisor.${Date.now()}@example.org`;
      const password = "a lantern by the river bank";
      await admin.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
      await admin.page.getByLabel("Email", { exact: true }).fill(email);
      await admin.page.getByLabel("Display name").fill("Sari Supervisor");
      await admin.page.getByLabel("Temporary password").fill(password);
      await admin.page.getByRole("checkbox", { name: "Supervisor" }).check();
      await admin.page.getByRole("button", { name: "Create user" }).click();
      await admin.page.getByRole("cell", { name: email }).waitFor();

      // Signing in with the password alone opens enrolment, and nothing of the app.
      const { context, page } = await newPage(browser);
      await signInWithPassword(page, email, password);
      await page.getByRole("heading", { level: 1, name: "Set up two-factor sign-in" }).waitFor();
      expect(await page.getByRole("navigation", { name: "Main" }).count()).toBe(0);
      await page.getByRole("button", { name: "Show the QR code" }).click();
      await page.getByRole("img", { name: "QR code to add Lentera to your authenticator app" }).waitFor();
      const manualKey = (await page.getByTestId("totp-manual-key").innerText()).trim();
      expect(manualKey).toMatch(/^[A-Z2-7 ]{32,}$/);
      expect(await overflowsHorizontally(page)).toBe(false);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      const key = decodeBase32(manualKey);

      const codeField = page.getByLabel("6-digit code");
      expect(await codeField.getAttribute("autocomplete")).toBe("one-time-code");
      expect(await codeField.getAttribute("inputmode")).toBe("numeric");
      const enrolStep = currentStep();
      await codeField.fill(totp(key, enrolStep));
      await page.getByRole("button", { name: "Turn on" }).click();

      await page.getByRole("heading", { name: "Your recovery codes" }).waitFor();
      const codes = (await page.locator(".recovery-codes__list li").allInnerTexts()).map((code) => code.trim());
      expect(codes).toHaveLength(10);
      for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      await page.getByRole("button", { name: "Copy the codes" }).waitFor();
      await page.getByRole("button", { name: "Print" }).waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await page.getByRole("button", { name: "I have saved them: continue" }).click();
      await page.getByRole("navigation", { name: "Main" }).waitFor();

      // The Security page says two-factor is on and required, with the codes left.
      await page.getByRole("link", { name: /Sari Supervisor/ }).click();
      await page.getByRole("heading", { level: 1, name: "Security" }).waitFor();
      await page.getByText("Recovery codes left: 10").waitFor();
      await page.getByText("Your agency requires it for your role.").waitFor();
      expect(await page.getByRole("button", { name: "Turn off" }).count()).toBe(0);
      await page.getByText("This device").waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("button", { name: "Sign in" }).waitFor();

      // Again: the password, then a code from the app. A code of the enrolment's step was used, so
      // the journey waits for the app's next one, as a person would.
      await signInWithPassword(page, email, password);
      const code = page.getByLabel("Code", { exact: true });
      await code.waitFor();
      expect(await code.getAttribute("autocomplete")).toBe("one-time-code");
      expect(await code.getAttribute("inputmode")).toBe("numeric");
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      while (currentStep() <= enrolStep) await page.waitForTimeout(1_000);
      await code.fill(totp(key));
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByRole("navigation", { name: "Main" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/");
      await context.close();
    } finally {
      await setRequirement(admin.page, false);
      await admin.context.close();
    }
  });
});
