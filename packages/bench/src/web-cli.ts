/*
 * npm run bench:web: what the first screen after sign-in costs a phone. Serves the production
 * build from the real server (embedded database, demo agency), signs in with Chromium at 360 px
 * and adds up the JavaScript and CSS the page loaded, gzipped; then Lighthouse (mobile profile,
 * system Chromium) scores the sign-in page and the signed-in home page.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromium, type Page } from "playwright-core";
import { startServerProcess } from "@lentera/server/process";

const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const chromeFlags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const webBuild = fileURLToPath(new URL("../../../apps/web/dist/index.html", import.meta.url));
if (!existsSync(webBuild)) throw new Error("build the web app first: npm run build");
const skipLighthouse = process.argv.includes("--no-lighthouse");

const dataDir = await mkdtemp(join(tmpdir(), "lentera-web-bench-"));
const server = await startServerProcess({ NODE_ENV: "test", DATABASE_URL: "", LENTERA_DATA_DIR: dataDir, LENTERA_SEED_DEMO: "true", LOG_LEVEL: "warn" });
try {
  // 1. Bytes of the first screen after sign-in.
  const browser = await chromium.launch({ executablePath: chromePath, args: chromeFlags });
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  type Asset = { type: string; raw: number; gzip: number; wire: string };
  const record = (target: Page, assets: Map<string, Asset>) =>
    target.on("response", async (response) => {
    const type = response.request().resourceType();
    if (type !== "script" && type !== "stylesheet") return;
    const body = await response.body().catch(() => null);
    if (!body) return;
    const path = new URL(response.url()).pathname;
    assets.set(path, { type, raw: body.length, gzip: gzipSync(body).length, wire: response.headers()["content-encoding"] ?? "identity" });
    });
  // (a) A first visit: the sign-in page, then the home page it leads to.
  const page = await context.newPage();
  const throughSignIn = new Map<string, Asset>();
  record(page, throughSignIn);
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel("Email").fill("social.worker@example.org");
  await page.getByLabel("Password").fill("lentera-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  await page.waitForLoadState("networkidle");
  const cookie = (await context.cookies()).find((entry) => entry.name === "lentera_session");
  // (b) A signed-in user opening the app again, with an empty cache: what the home screen needs.
  const returning = await browser.newContext({ viewport: { width: 360, height: 780 } });
  if (cookie) await returning.addCookies([cookie]);
  const homePage = await returning.newPage();
  const homeOnly = new Map<string, Asset>();
  record(homePage, homeOnly);
  await homePage.goto(`${server.url}/`);
  await homePage.getByRole("navigation", { name: "Main" }).waitFor();
  await homePage.waitForLoadState("networkidle");
  await browser.close();

  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const row = (label: string, assets: Map<string, Asset>, type: string) => {
    const list = [...assets.values()].filter((a) => a.type === type);
    const total = (key: "raw" | "gzip") => list.reduce((sum, a) => sum + a[key], 0);
    return `| ${label} | ${list.length} | ${kb(total("raw"))} | ${kb(total("gzip"))} |`;
  };
  const lines = [
    "| what loads | files | raw | gzipped |",
    "| --- | ---: | ---: | ---: |",
    row("JavaScript: sign-in page, then the first screen", throughSignIn, "script"),
    row("JavaScript: first screen of a signed-in user", homeOnly, "script"),
    row("CSS (either)", homeOnly, "stylesheet"),
    "",
    `Served with content-encoding: ${[...new Set([...throughSignIn.values()].map((a) => a.wire))].join(", ")}.`,
  ];

  // 2. Lighthouse, mobile profile (its default), on the system Chromium.
  if (!skipLighthouse) {
    const chrome = await chromeLauncher.launch({ chromePath, chromeFlags });
    try {
      lines.push("", "| Lighthouse (mobile) | performance | accessibility | best practices |", "| --- | ---: | ---: | ---: |");
      for (const [label, url, headers] of [
        ["sign-in page", `${server.url}/sign-in`, undefined],
        ["home after sign-in", `${server.url}/`, cookie ? { Cookie: `lentera_session=${cookie.value}` } : undefined],
      ] as const) {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility", "best-practices"],
          ...(headers ? { extraHeaders: headers } : {}),
        });
        const categories = result?.lhr.categories;
        const score = (key: string) => String(Math.round((categories?.[key]?.score ?? 0) * 100));
        lines.push(`| ${label} | ${score("performance")} | ${score("accessibility")} | ${score("best-practices")} |`);
      }
    } finally {
      chrome.kill();
    }
  }
  console.log(lines.join("\n"));
} finally {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}
