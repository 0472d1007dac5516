import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { chromiumPath, launchBrowser, newPage } from "../src/browser";
import { fillIntake, overflowsHorizontally, seriousAccessibilityViolations, signIn } from "../src/journeys";

// Without Chromium the journeys are reported as skipped, never as passed; CI requires them.
const runJourneys = Boolean(chromiumPath) || process.env.LENTERA_E2E_REQUIRED === "1";

const artifacts = new URL("../artifacts/", import.meta.url);
const MINUTE = 60_000;

const pad = (value: number) => String(value).padStart(2, "0");
/** A date and time input's values for an instant (the browser and the test run in the same zone). */
const inputs = (instant: Date) => ({
  date: `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`,
  time: `${pad(instant.getHours())}:${pad(instant.getMinutes())}`,
});
/** "10:05 AM", as the English screens write a time. */
const clock = (instant: Date) => new Intl.DateTimeFormat("en", { timeStyle: "short" }).format(instant);

/**
 * The first appointment started earlier today (so its outcome can be recorded): 90 minutes ago,
 * on a five-minute step, but never before today's midnight (the counselor looks at this week).
 */
function firstStart(now = new Date()): Date {
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  const start = new Date(Math.floor((now.getTime() - 90 * MINUTE) / (5 * MINUTE)) * 5 * MINUTE);
  return start < midnight ? midnight : start;
}

/**
 * The counseling appointment that starts at `start`, on the case page. Its name is "Counseling,
 * <date>, <start>–<end>": anchored on the start, since "2:00 PM" is also the end of "12:00 PM".
 */
function counselingAt(region: Locator, start: Date): Locator {
  return region.getByRole("article", { name: new RegExp(`^Counseling, .*, ${clock(start)}–`) });
}

function appointmentsRegion(page: Page): Locator {
  return page.getByRole("region", { name: "Appointments" });
}

/** Books a counseling appointment for the demo counselor through the case page's form. */
async function book(region: Locator, start: Date, minutes: number, who = "Budi Santoso (Counselor)", kind = "Counseling"): Promise<void> {
  const { date, time } = inputs(start);
  await region.getByLabel("Kind").selectOption({ label: kind });
  await region.getByLabel("With").selectOption({ label: who });
  await region.getByLabel("Date", { exact: true }).fill(date);
  await region.getByLabel("Start time").fill(time);
  await region.getByLabel("Duration").selectOption(String(minutes));
  await region.getByLabel("Mode").selectOption({ label: "In person" });
  await region.getByRole("button", { name: "Book", exact: true }).click();
}

describe.runIf(runJourneys)("appointment journeys", () => {
  let browser: Browser;
  const alias = `Kenanga ${Date.now().toString(36)}`;
  let caseUrl = "";
  /** The counselor is not on this case's care team: their screens name it by its number only. */
  let caseNumber = "";
  const first = firstStart();
  const second = new Date(first.getTime() + 3 * 60 * MINUTE);

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("the social worker books counseling for the counselor; an overlapping time is refused with the clash named", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, "social.worker@example.org");
    await page.goto("/cases/new");
    await fillIntake(page, { alias, legalName: "Kenanga Appointment Test", birthDate: "2011-02-03" });
    await page.getByRole("button", { name: "Register case" }).click();
    await page.getByRole("heading", { level: 1 }).filter({ hasText: alias }).waitFor();
    caseUrl = new URL(page.url()).pathname;
    caseNumber = (await page.locator("h1 .case-number").innerText()).trim();

    const region = appointmentsRegion(page);
    await region.getByText("No upcoming appointments").waitFor();
    await region.getByRole("button", { name: "Book appointment" }).click();
    await book(region, first, 60);
    await page.getByText("Appointment booked.").waitFor();
    await region.getByRole("heading", { name: "Past" }).waitFor();
    const booked = counselingAt(region, first);
    await booked.waitFor();
    await expect(booked.getByText("Scheduled").count()).resolves.toBe(1);

    // Thirty minutes later overlaps it: the clash is named by its time, and nothing is booked.
    await region.getByRole("button", { name: "Book appointment" }).click();
    await book(region, new Date(first.getTime() + 30 * MINUTE), 60);
    const refusal = region.getByRole("alert").filter({ hasText: "That time is already taken" });
    await refusal.waitFor();
    await expect(refusal.innerText()).resolves.toContain(clock(first));
    expect(await region.getByRole("article").count()).toBe(1);
    await region.getByRole("form").or(region.locator("form")).screenshot({ path: new URL("appointments-book-clash-360.png", artifacts).pathname });

    // A later time is free.
    const { date, time } = inputs(second);
    await region.getByLabel("Date", { exact: true }).fill(date);
    await region.getByLabel("Start time").fill(time);
    await region.getByRole("button", { name: "Book", exact: true }).click();
    await page.getByText("Appointment booked.").waitFor();
    await counselingAt(region, second).waitFor();
    expect(await region.getByRole("article").count()).toBe(2);
    await expect(region.getByText("No-show rate: no outcomes recorded yet").count()).resolves.toBe(1);

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await region.screenshot({ path: new URL("appointments-case-360.png", artifacts).pathname });
    await context.close();
  });

  it("the counselor sees it in their week and records it as attended", async () => {
    const { context, page } = await newPage(browser, { width: 1280 });
    await signIn(page, "counselor@example.org");
    // Home reminds them of the outcome to record.
    const reminders = page.getByRole("region", { name: "Appointments" });
    await reminders.getByRole("heading", { name: "Outcomes to record" }).waitFor();
    // Late in the day both of the case's appointments have ended: one reminder each.
    await reminders.getByRole("link", { name: caseNumber }).first().waitFor();
    expect(await reminders.getByText(alias).count()).toBe(0);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calendar" }).click();
    await page.getByRole("heading", { level: 1, name: "My calendar" }).waitFor();
    await page.getByRole("button", { name: "Week" }).click();
    const event = page.locator(".fc-timegrid-event").filter({ hasText: caseNumber }).filter({ hasText: "Counseling" });
    await event.first().waitFor();
    await page.screenshot({ path: new URL("calendar-week-desktop.png", artifacts).pathname, fullPage: true });

    await event.first().click();
    const selected = page.getByRole("region", { name: "Appointment" });
    await selected.getByRole("heading", { name: new RegExp(clock(first)) }).waitFor();
    await selected.getByRole("button", { name: "Attended" }).click();
    await page.getByText(/recorded as attended/).waitFor();
    await selected.getByText("Attended").first().waitFor();
    expect(await selected.getByRole("button", { name: "Attended" }).count()).toBe(0);

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();

    // The social worker's case page now counts it.
    const worker = await newPage(browser, { width: 1280 });
    await signIn(worker.page, "social.worker@example.org");
    await worker.page.goto(caseUrl);
    const region = appointmentsRegion(worker.page);
    await region.getByText("No-show rate: 0% (0 of 1 with an outcome)").waitFor();
    await counselingAt(region, first).getByText("Attended").waitFor();
    await region.screenshot({ path: new URL("appointments-case-desktop.png", artifacts).pathname });
    await worker.context.close();
  });

  it("the calendar fits a phone, opens on the agenda and passes axe", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, "counselor@example.org");
    await page.goto("/calendar");
    await page.getByRole("heading", { level: 1, name: "My calendar" }).waitFor();
    await page.locator(".fc-list").waitFor();
    await page.locator(".fc-list-event").filter({ hasText: caseNumber }).first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.screenshot({ path: new URL("calendar-agenda-360.png", artifacts).pathname, fullPage: true });

    await page.getByRole("button", { name: "Week" }).click();
    await page.locator(".fc-timegrid").waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: new URL("calendar-week-360.png", artifacts).pathname, fullPage: true });

    // The calendar link: shown once, with the warning; then revoked.
    await page.getByRole("button", { name: "Create a calendar link" }).click();
    const link = page.getByLabel("Your calendar link");
    await expect(link.inputValue()).resolves.toMatch(/\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const feedUrl = await link.inputValue();
    const feed = await page.request.get(feedUrl);
    expect(feed.status()).toBe(200);
    const ics = await feed.text();
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).not.toContain(alias);
    await page.getByRole("button", { name: "Stop my calendar link" }).click();
    await page.getByText("Your calendar link no longer works.").waitFor();
    expect((await page.request.get(feedUrl)).status()).toBe(404);
    await context.close();
  });

  it("the social worker drags her own appointment onto another: it goes back and the clash is named; the edit form moves it", async () => {
    const { context, page } = await newPage(browser, { width: 1280 });
    await signIn(page, "social.worker@example.org");
    await page.goto(caseUrl);
    const region = appointmentsRegion(page);
    // Two of her own appointments today (booking in the past is allowed), an hour apart.
    const today = new Date();
    const visit = new Date(today.getFullYear(), today.getMonth(), today.getDate(), 9, 0);
    const school = new Date(today.getFullYear(), today.getMonth(), today.getDate(), 11, 0);
    for (const [start, kind] of [[visit, "Home visit"], [school, "School"]] as const) {
      await region.getByRole("button", { name: "Book appointment" }).click();
      await book(region, start, 60, "Sari Wulandari (Social worker)", kind);
      await page.getByText("Appointment booked.").waitFor();
      await region.getByRole("button", { name: "Book appointment" }).waitFor();
    }

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calendar" }).click();
    await page.getByRole("button", { name: "Week" }).click();
    const event = page.locator(".fc-timegrid-event").filter({ hasText: "Home visit" });
    await event.waitFor();
    const box = await event.boundingBox();
    const slot = await page.locator(".fc-timegrid-slot-lane").first().boundingBox();
    if (!box || !slot) throw new Error("the week view has no layout");
    // Down four half-hour slots: 11:00, onto the school meeting.
    const x = box.x + box.width / 2;
    const y = box.y + 8;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y + 10, { steps: 3 });
    await page.mouse.move(x, y + 4 * slot.height, { steps: 10 });
    await page.mouse.up();
    const refusal = page.getByRole("alert").filter({ hasText: "That time is already taken" });
    await refusal.waitFor();
    await expect(refusal.innerText()).resolves.toContain(clock(school));
    await expect(event.innerText()).resolves.toContain(inputs(visit).time);

    // The same without dragging: open it and type a free time (back to back with the next one).
    await event.click();
    const selected = page.getByRole("region", { name: "Appointment" });
    await selected.getByRole("button", { name: "Change time" }).click();
    await selected.getByLabel("Start time").fill("10:00");
    await selected.getByRole("button", { name: "Save the new time" }).click();
    await page.getByText(/^Appointment moved to .*10:00/).waitFor();
    await expect(page.locator(".fc-timegrid-event").filter({ hasText: "Home visit" }).innerText()).resolves.toContain("10:00");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
