import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { chromiumPath, launchBrowser, newPage } from "../src/browser";
import { navigationLinks, signIn } from "../src/journeys";

const runJourneys = Boolean(chromiumPath) || process.env.LENTERA_E2E_REQUIRED === "1";

describe.runIf(runJourneys)("administrator manages accounts", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("creates a counselor who can then sign in, and deactivates them so they cannot", async () => {
    const email = `new.counselor.${Date.now()}@example.org`;
    const password = "a temporary passphrase";
    const admin = await newPage(browser, { width: 1280 });
    await signIn(admin.page, "admin@example.org");
    await admin.page.getByRole("link", { name: "Users" }).click();
    await admin.page.getByLabel("Email", { exact: true }).fill(email);
    await admin.page.getByLabel("Display name").fill("Wulan Counselor");
    await admin.page.getByLabel("Temporary password").fill(password);
    await admin.page.getByRole("checkbox", { name: "Counselor" }).check();
    await admin.page.getByRole("button", { name: "Create user" }).click();
    await admin.page.getByRole("cell", { name: email }).waitFor();

    const newcomer = await newPage(browser);
    await signIn(newcomer.page, email, password);
    expect(await navigationLinks(newcomer.page)).toEqual(["My work", "Cases", "Calendar", "Partners"]);
    await newcomer.context.close();

    admin.page.once("dialog", (dialog) => void dialog.accept());
    const row = admin.page.getByRole("row").filter({ hasText: email });
    await row.getByRole("button", { name: "Deactivate" }).click();
    const confirm = row.getByRole("button", { name: "Yes, deactivate" });
    if (await confirm.count()) await confirm.click();
    await row.getByRole("button", { name: "Reactivate" }).waitFor();

    const refused = await newPage(browser);
    await refused.page.goto("/sign-in");
    await refused.page.getByLabel("Email").fill(email);
    await refused.page.getByLabel("Password").fill(password);
    await refused.page.getByRole("button", { name: "Sign in" }).click();
    await refused.page.getByRole("alert").first().waitFor();
    expect(new URL(refused.page.url()).pathname).toBe("/sign-in");
    await refused.context.close();
    await admin.context.close();
  });
});
