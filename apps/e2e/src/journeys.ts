import { readdirSync, readFileSync } from "node:fs";
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

export type Locale = "en" | "id" | "vi";

/** The language picker's label, itself translated. */
const LANGUAGE_LABEL = /^(Language|Bahasa|Ngôn ngữ)$/;

/**
 * Switches a signed-in user's language with the picker in the header, and waits until the page is
 * in it and the choice is saved to their profile: closing the page sooner can cancel the save, or
 * let it land after the next switch, and leave a shared demo user in another language.
 */
export async function switchLanguage(page: Page, locale: Locale): Promise<void> {
  if ((await page.locator("html").getAttribute("lang")) === locale) return;
  const saved = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().includes("auth.updatePreferences"),
  );
  await page.getByRole("banner").getByRole("combobox", { name: LANGUAGE_LABEL }).selectOption(locale);
  await page.locator(`html[lang="${locale}"]`).waitFor({ state: "attached" });
  const response = await saved;
  if (!response.ok()) throw new Error(`the language choice was not saved (HTTP ${response.status()})`);
}

/** The top-level names of the web app's catalogs ("sessions", "nav", …): a key shown raw starts with one. */
const catalogDir = new URL("../../web/src/i18n/locales/en/", import.meta.url);
const catalogRoots = [
  ...new Set(
    readdirSync(catalogDir)
      .filter((file) => file.endsWith(".json"))
      .flatMap((file) => Object.keys(JSON.parse(readFileSync(new URL(file, catalogDir), "utf8")) as object)),
  ),
];
const rawKeyPatterns = [
  // "sessions.queue.total", "sessions.risk.question.self_harm"
  /\b[a-z][a-zA-Z]*(?:\.[a-zA-Z_]+){2,}\b/g,
  // "nav.supervision", "errors.clinical_only"
  new RegExp(`\\b(?:${catalogRoots.join("|")})\\.[a-zA-Z_]+\\b(?!\\.)`, "g"),
];

/**
 * Catalog keys shown instead of their text (a missing translation), in the page's text, its title
 * and the names given in attributes (aria-label, title, placeholder, alt).
 */
export async function rawCatalogKeys(page: Page): Promise<string[]> {
  const texts = await page.evaluate((): string[] => [
    document.title,
    document.body.innerText,
    ...Array.from(document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")).flatMap((element) =>
      ["aria-label", "title", "placeholder", "alt"].map((name) => element.getAttribute(name) ?? ""),
    ),
  ]);
  const found = new Set<string>();
  for (const text of texts) for (const pattern of rawKeyPatterns) for (const match of text.matchAll(pattern)) found.add(match[0]);
  return [...found];
}
