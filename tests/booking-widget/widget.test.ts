import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CancelAppointment } from "../appointments/documents.js";
import { clinicCalendar } from "../appointments/fixtures.js";
import { anonymousAt, holdSlot } from "../scheduling/fixtures.js";
import { type TestOrganization, unique } from "../support/auth.js";
import { launchBrowser } from "../support/browser.js";
import { gqlData, uuidOf } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";

const server = useTestServer();
let org: TestOrganization;
/** Started once; each browser test awaits it, so without Chromium each fails with the reason (none is skipped). */
let browser: Promise<Browser>;

beforeAll(async () => {
  org = await server.createOrganization("Widget clinic");
  browser = launchBrowser();
  browser.catch(() => {}); // reported by the tests that need it
});
afterAll(async () => {
  await browser?.then((b) => b.close()).catch(() => {});
});

/** Two days ahead (within the widget's first week in any zone), at `HH:MM` UTC, as the page's `data-start`. */
const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
const slotAt = (time: string) => `${day}T${time}:00.000Z`;

/** A published calendar (09:00–17:00 UTC every day, 30-minute slots); its id and slug. */
async function publishedCalendar() {
  const slug = unique("widget");
  const calendar = await clinicCalendar(server, org, { calendar: { slug } });
  return { ...calendar, slug };
}

/** A new visitor (own browser context) in New York, with the widget open and its first list shown. */
async function openWidget(slug: string): Promise<Page> {
  const context = await (await browser).newContext({ timezoneId: "America/New_York", locale: "en-US" });
  const page = await context.newPage();
  await page.goto(`${server.url}/widget/${slug}`);
  await page.locator('[data-testid="days"][aria-busy="false"]').waitFor();
  return page;
}

const slot = (page: Page, start: string) => page.locator(`[data-testid="slot"][data-start="${start}"]`);

async function holdInPage(page: Page, start: string) {
  await slot(page, start).click();
  await page.getByTestId("countdown").waitFor();
}

async function fillDetails(page: Page, contact: { firstName: string; lastName: string; email: string }) {
  await page.getByLabel("First name").fill(contact.firstName);
  await page.getByLabel("Last name").fill(contact.lastName);
  await page.getByLabel("Email").fill(contact.email);
}

describe("booking widget, two visitors", () => {
  it("hides a slot another visitor holds within 2 s, keeps it hidden once booked, and shows it again when cancelled", async () => {
    const calendar = await publishedCalendar();
    const a = await openWidget(calendar.slug);
    const b = await openWidget(calendar.slug);
    const start = slotAt("14:00");
    await slot(b, start).waitFor();

    await holdInPage(a, start);
    await slot(b, start).waitFor({ state: "detached", timeout: 2_000 });

    const email = `${unique("ada")}@example.com`;
    await fillDetails(a, { firstName: "Ada", lastName: "Lovelace", email });
    await a.getByTestId("book").click();
    await a.getByTestId("confirmation").waitFor();
    const appointmentId = (await a.getByTestId("confirmation").getAttribute("data-appointment-id")) as string;
    const appointment = await server.services.adminDb.appointment.findUniqueOrThrow({
      where: { id: uuidOf(appointmentId) },
      include: { patient: true },
    });
    expect(appointment).toMatchObject({ status: "booked", calendarId: uuidOf(calendar.id), startAt: new Date(start) });
    expect(appointment.patient).toMatchObject({ firstName: "Ada", lastName: "Lovelace", email });

    // A later change elsewhere makes B recompute its week after the booking: the slot stays out.
    const other = slotAt("15:00");
    await holdSlot(server.url, { calendarId: calendar.id, start: other }, anonymousAt("10.0.9.1"));
    await slot(b, other).waitFor({ state: "detached", timeout: 10_000 });
    expect(await slot(b, start).count()).toBe(0);

    const cancelled = await gqlData(server.url, CancelAppointment, { id: appointmentId, reason: "test" }, org.owner);
    expect(cancelled.cancelAppointment.__typename).toBe("MutationCancelAppointmentSuccess");
    await slot(b, start).waitFor({ timeout: 10_000 });
  });

  it("gives the slot back to the other visitor when the holder chooses another time", async () => {
    const calendar = await publishedCalendar();
    const a = await openWidget(calendar.slug);
    const b = await openWidget(calendar.slug);
    const start = slotAt("11:00");
    await holdInPage(a, start);
    await slot(b, start).waitFor({ state: "detached", timeout: 10_000 });

    await a.getByTestId("release").click();
    await slot(b, start).waitFor({ timeout: 10_000 });
    await slot(a, start).waitFor({ timeout: 10_000 });
  });
});

describe("booking widget errors", () => {
  it("tells the visitor when the hold has lapsed, and goes back to the list", async () => {
    const calendar = await publishedCalendar();
    const page = await openWidget(calendar.slug);
    const start = slotAt("12:00");
    await holdInPage(page, start);
    const [hold] = await server.services.holds.overlapping(
      calendar.specialistIds.map(uuidOf),
      Date.parse(start),
      Date.parse(start) + 1,
    );
    await server.services.holds.release(hold?.token as string);

    await fillDetails(page, { firstName: "Late", lastName: "Visitor", email: `${unique("late")}@example.com` });
    await page.getByTestId("book").click();

    await page.getByRole("alert").filter({ hasText: "The hold has expired" }).waitFor();
    await page.getByRole("heading", { name: "Choose a time" }).waitFor();
    expect(await page.getByTestId("confirmation").isVisible()).toBe(false);
  });

  it("shows the server's message next to a field it refuses", async () => {
    const calendar = await publishedCalendar();
    const page = await openWidget(calendar.slug);
    await holdInPage(page, slotAt("13:00"));
    // The browser accepts "a@b" as an email address; the API wants a domain with a dot.
    await fillDetails(page, { firstName: "Ada", lastName: "Lovelace", email: "ada@localhost" });
    await page.getByTestId("book").click();

    await page.locator('[data-field="email"]', { hasText: "must be an email address" }).waitFor();
    expect(await page.getByLabel("Email").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByTestId("countdown").isVisible()).toBe(true);
  });
});

describe("GET /widget/:slug", () => {
  it("serves the page of a published calendar with a strict content security policy", async () => {
    const calendar = await publishedCalendar();
    const response = await fetch(`${server.url}/widget/${calendar.slug}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers 404 for an unknown slug and for a calendar that is not published", async () => {
    const calendar = await publishedCalendar();
    await server.services.adminDb.calendar.update({ where: { id: uuidOf(calendar.id) }, data: { active: false } });
    for (const path of ["/widget/no-such-calendar", `/widget/${calendar.slug}`, "/widget/%E0%A4%A"]) {
      const response = await fetch(`${server.url}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(await response.text()).toContain("Booking page not found");
    }
  });
});
