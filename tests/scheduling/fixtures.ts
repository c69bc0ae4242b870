import type { PrismaClient } from "../../src/db/prisma.js";
import { graphql } from "../generated/gql.js";
import type { WeeklyRangeInput } from "../generated/graphql.js";
import { type Headers, type TestOrganization, unique } from "../support/auth.js";
import { globalId, gqlData, uuidOf } from "../support/graphql.js";
import { AttachCalendarSpecialist, CreateCalendar, SetWeeklyHours } from "./documents.js";

/** A server to call and the owner connection of its database (a test server, or a process and a client). */
export interface Api {
  url: string;
  services: { adminDb: PrismaClient };
}

const DAY = 86_400_000;
const weekdays = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;
export type Weekday = (typeof weekdays)[number];

/** The same hours on each of `days` (every day by default). */
export function weekly(start: string, end: string, days: readonly Weekday[] = weekdays): WeeklyRangeInput[] {
  return days.map((weekday) => ({ weekday, start, end }));
}

/** The first date (YYYY-MM-DD, UTC) on `weekday` at least `daysAhead` days from now. */
export function nextWeekday(weekday: Weekday, daysAhead = 7): string {
  const start = Date.now() + daysAhead * DAY;
  for (let t = start; ; t += DAY) {
    const day = new Date(t).getUTCDay();
    if (weekdays[(day + 6) % 7] === weekday) return new Date(t).toISOString().slice(0, 10);
  }
}

/** `date` plus `days`, as YYYY-MM-DD. */
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** A service of the organization, made with the owner connection; its global id. */
export async function createService(server: Api, org: TestOrganization, durationMinutes = 30) {
  const service = await server.services.adminDb.service.create({
    data: {
      organizationId: uuidOf(org.id),
      name: unique("Service"),
      durationMinutes,
      deliveryMode: "in_clinic",
      billingModel: "session_based",
      currency: "EUR",
      pricePerSession: 5000,
    },
  });
  return globalId("Service", service.id);
}

/** A specialist of the organization, made with the owner connection; its global id. */
export async function createSpecialist(
  server: Api,
  org: TestOrganization,
  options: { timezone?: string; userId?: string; firstName?: string } = {},
) {
  const specialist = await server.services.adminDb.specialist.create({
    data: {
      organizationId: uuidOf(org.id),
      firstName: options.firstName ?? unique("Spec"),
      lastName: "Ialist",
      timezone: options.timezone ?? "UTC",
      userId: options.userId ?? null,
    },
  });
  return globalId("Specialist", specialist.id);
}

export interface CalendarSetup {
  /** Calendar settings other than the service (name defaults to a unique one). */
  calendar?: Record<string, unknown>;
  durationMinutes?: number;
  specialists: { timezone?: string; weeklyHours: WeeklyRangeInput[]; weight?: number }[];
}

export interface TestCalendar {
  id: string;
  serviceId: string;
  specialistIds: string[];
}

/** A calendar of a new service with new specialists attached in order, each with their weekly hours (as the owner). */
export async function calendarWith(server: Api, org: TestOrganization, setup: CalendarSetup) {
  const serviceId = await createService(server, org, setup.durationMinutes ?? 30);
  const created = await gqlData(
    server.url,
    CreateCalendar,
    { input: { serviceId, name: unique("Calendar"), ...setup.calendar } as never },
    org.owner,
  );
  if (created.createCalendar.__typename !== "MutationCreateCalendarSuccess") {
    throw new Error(`createCalendar failed: ${JSON.stringify(created)}`);
  }
  const calendarId = created.createCalendar.data.id;
  const specialistIds: string[] = [];
  for (const s of setup.specialists) {
    const specialistId = await createSpecialist(server, org, { timezone: s.timezone });
    await setWeeklyHours(server.url, org.owner, specialistId, s.weeklyHours);
    const attached = await gqlData(
      server.url,
      AttachCalendarSpecialist,
      { input: { calendarId, specialistId, weight: s.weight } },
      org.owner,
    );
    if (attached.attachCalendarSpecialist.__typename !== "MutationAttachCalendarSpecialistSuccess") {
      throw new Error(`attach failed: ${JSON.stringify(attached)}`);
    }
    specialistIds.push(specialistId);
  }
  return { id: calendarId, serviceId, specialistIds } satisfies TestCalendar;
}

export async function setWeeklyHours(url: string, headers: Headers, specialistId: string, ranges: WeeklyRangeInput[]) {
  const result = await gqlData(url, SetWeeklyHours, { input: { specialistId, ranges } }, headers);
  if (result.setWeeklyHours.__typename !== "MutationSetWeeklyHoursSuccess") {
    throw new Error(`setWeeklyHours failed: ${JSON.stringify(result)}`);
  }
}

/** An appointment written with the owner connection (booking itself is the appointments feature's). */
export async function insertAppointment(
  server: Api,
  org: TestOrganization,
  calendar: TestCalendar,
  appointment: {
    specialistId: string;
    start: string;
    minutes?: number;
    bufferBeforeMinutes?: number;
    bufferAfterMinutes?: number;
    status?: "booked" | "cancelled";
  },
) {
  const start = new Date(appointment.start);
  return server.services.adminDb.appointment.create({
    data: {
      organizationId: uuidOf(org.id),
      calendarId: uuidOf(calendar.id),
      serviceId: uuidOf(calendar.serviceId),
      specialistId: uuidOf(appointment.specialistId),
      startAt: start,
      endAt: new Date(start.getTime() + (appointment.minutes ?? 30) * 60_000),
      bufferBeforeMinutes: appointment.bufferBeforeMinutes ?? 0,
      bufferAfterMinutes: appointment.bufferAfterMinutes ?? 0,
      status: appointment.status ?? "booked",
      cancelledAt: appointment.status === "cancelled" ? new Date() : null,
    },
  });
}

export const Timeslots = graphql(`
  query SchedulingTimeslots($calendarId: ID!, $from: String!, $to: String!, $timeZone: String!, $specialistId: ID) {
    timeslots(calendarId: $calendarId, from: $from, to: $to, timeZone: $timeZone, specialistId: $specialistId) {
      __typename
      ... on QueryTimeslotsSuccess { data { start end availableSpecialists specialistIds } }
      ... on Error { code message }
      ... on NotFoundError { entity }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export interface SlotRequest {
  calendarId: string;
  from: string;
  to: string;
  timeZone: string;
  specialistId?: string;
}

/** The slots, failing the test on any error. */
export async function slotsOf(url: string, request: SlotRequest, headers: Headers = {}) {
  const result = await gqlData(url, Timeslots, request, headers);
  if (result.timeslots.__typename !== "QueryTimeslotsSuccess") {
    throw new Error(`timeslots failed: ${JSON.stringify(result.timeslots)}`);
  }
  return result.timeslots.data;
}

/** Slot starts only, for compact expectations. */
export async function startsOf(url: string, request: SlotRequest, headers: Headers = {}) {
  return (await slotsOf(url, request, headers)).map((s) => s.start);
}

export const CreateHold = graphql(`
  mutation SchedulingCreateHold($input: CreateHoldInput!) {
    createHold(input: $input) {
      __typename
      ... on MutationCreateHoldSuccess { data { token calendarId specialistId start end expiresAt } }
      ... on Error { code message }
      ... on NotFoundError { entity }
      ... on HoldLimitError { limit }
      ... on ValidationError { fields { path message } }
    }
  }
`);

/** Headers of an anonymous widget visitor at this address. */
export const anonymousAt = (ip: string) => ({ "x-forwarded-for": ip });

/** Holds a slot, failing the test unless it succeeds. */
export async function holdSlot(
  url: string,
  input: { calendarId: string; start: string; specialistId?: string },
  headers: Headers,
) {
  const result = await gqlData(url, CreateHold, { input }, headers);
  if (result.createHold.__typename !== "MutationCreateHoldSuccess") {
    throw new Error(`createHold failed: ${JSON.stringify(result.createHold)}`);
  }
  return result.createHold.data;
}

/** Repeats `check` until it returns true or `timeoutMs` passes; false then. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/** The live timeslots subscription as widgets select it. */
export const TimeslotsChanged = graphql(`
  subscription LiveTimeslotsChanged($calendarId: ID!, $from: String!, $to: String!, $timeZone: String!, $specialistId: ID) {
    timeslotsChanged(calendarId: $calendarId, from: $from, to: $to, timeZone: $timeZone, specialistId: $specialistId) {
      calendarId
      reason
      slots { start availableSpecialists }
      changed { start availableSpecialists specialistIds }
    }
  }
`);
