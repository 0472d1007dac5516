import type { Page } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";

export const DEMO_PASSWORD = "lentera-demo-2026";

/** Signs in through the sign-in page, as a person would, and waits for the shell. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
}

/** The names of the links in the main navigation, in order. */
export async function navigationLinks(page: Page): Promise<string[]> {
  const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
  return (await links.allInnerTexts()).map((text) => text.trim());
}

/** axe's serious and critical violations on the current page (WCAG 2.1 A and AA). */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/** True when the page is wider than the viewport (a phone user would have to scroll sideways). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** Fills the intake form with a client who has an alias, a legal name and a birth date. */
export async function fillIntake(page: Page, client: { alias: string; legalName: string; birthDate: string }): Promise<void> {
  await page.getByLabel("Alias", { exact: true }).fill(client.alias);
  await page.getByLabel("Birth date", { exact: true }).fill(client.birthDate);
  await page.getByLabel("Sex", { exact: true }).selectOption({ label: "Female" });
  await page.getByLabel("Languages").fill("Bahasa Indonesia, Jawa");
  await page.getByLabel("Province").selectOption("Jawa Barat");
  await page.getByLabel("Regency or city").fill("Kota Bandung");
  await page.getByLabel("Legal name").fill(client.legalName);
  await page.getByLabel("Legal name").blur();
  await page.getByRole("checkbox", { name: "Sextortion" }).check();
  await page.getByLabel("Referral source").selectOption({ label: "Hotline (129 / 111)" });
  await page.getByLabel("Risk level").selectOption({ label: "High" });
  await page.getByLabel("First safety notes").fill("Do not call the family's home number.");
}
