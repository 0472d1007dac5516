import { existsSync } from "node:fs";
import { inject } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium (never a downloaded build); CHROME_PATH overrides. */
export const chromiumPath = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (path): path is string => Boolean(path && existsSync(path)),
);

/** The server the global setup started. */
export const baseUrl = (): string => inject("baseUrl");

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) throw new Error("Chromium not found: apt-get install chromium, or set CHROME_PATH");
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * A fresh context (own cookies and storage) at a phone's width, as most users work. `timezoneId`
 * puts the browser in another zone than the machine's (e.g. the agency's, as its staff's phones are).
 */
export async function newPage(
  browser: Browser,
  options: { width?: number; timezoneId?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: options.width ?? 360, height: 780 },
    locale: "en-US",
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  const page = await context.newPage();
  return { context, page };
}
