import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import { insertAppointment } from "../scheduling/fixtures.js";
import type { TestOrganization } from "../support/auth.js";
import { globalId, gqlData, uuidOf } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { v1 } from "../support/v1.js";
import {
  activePatient,
  addDays,
  at,
  book,
  bookingDay,
  clinicCalendar,
  patientMember,
  type TestCalendarOf,
} from "./fixtures.js";

const Agenda = graphql(`
  query AppointmentsAgenda(
    $from: DateTime!
    $to: DateTime!
    $specialistIds: [ID!]
    $serviceIds: [ID!]
    $statuses: [AppointmentStatus!]
    $first: Int
    $after: String
  ) {
    agenda(
      from: $from
      to: $to
      specialistIds: $specialistIds
      serviceIds: $serviceIds
      statuses: $statuses
      first: $first
      after: $after
    ) {
      __typename
      ... on QueryAgendaSuccess {
        data {
          edges { node { id start status specialist { id firstName } service { id name } patient { id lastName } } }
          pageInfo { hasNextPage endCursor }
        }
      }
      ... on ValidationError { fields { path message } }
    }
  }
`);

const server = useTestServer({ container: { onQuery: () => statements++ } });
let org: TestOrganization;
let statements = 0;
let calendars: [TestCalendarOf, TestCalendarOf];
const day = bookingDay(12);

beforeAll(async () => {
  org = await server.createOrganization("Agenda clinic");
  calendars = [await clinicCalendar(server, org, { specialists: 2 }), await clinicCalendar(server, org)];
});

async function agenda(variables: { from: string; to: string } & Record<string, unknown>, headers = org.owner) {
  const result = await gqlData(server.url, Agenda, variables, headers);
  if (result.agenda.__typename !== "QueryAgendaSuccess") throw new Error(JSON.stringify(result.agenda));
  return result.agenda.data;
}

describe("the agenda", () => {
  it("lists appointments across specialists by start, filtered by specialist, service and status, in pages", async () => {
    const [a, b] = calendars;
    const patient = await activePatient(server.url, org);
    const booked = [];
    for (const [calendar, time] of [
      [a, "09:00"],
      [b, "09:30"],
      [a, "10:00"],
      [a, "11:00"],
    ] as const) {
      booked.push(
        await book(server.url, { calendarId: calendar.id, start: at(day, time), patientId: patient.id }, org.owner),
      );
    }
    await insertAppointment(server, org, a, {
      specialistId: a.specialistIds[0] as string,
      start: at(day, "12:00"),
      status: "cancelled",
    });
    await book(server.url, { calendarId: a.id, start: at(addDays(day, 1), "09:00"), patientId: patient.id }, org.owner);

    const range = { from: at(day, "00:00"), to: at(addDays(day, 1), "00:00") };
    const all = await agenda(range);
    expect(all.edges.map((e) => e.node.start)).toEqual(
      ["09:00", "09:30", "10:00", "11:00", "12:00"].map((t) => at(day, t)),
    );
    const ofB = await agenda({ ...range, serviceIds: [b.serviceId] });
    expect(ofB.edges.map((e) => e.node.id)).toEqual([booked[1]?.appointmentId]);
    const notCancelled = await agenda({ ...range, statuses: ["booked", "upcoming"] });
    expect(notCancelled.edges).toHaveLength(4);
    const firstSpecialist = await agenda({ ...range, specialistIds: [a.specialistIds[0] as string] });
    for (const edge of firstSpecialist.edges) expect(edge.node.specialist.id).toBe(a.specialistIds[0]);

    const page1 = await agenda({ ...range, first: 2 });
    const page2 = await agenda({ ...range, first: 2, after: page1.pageInfo.endCursor });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect([...page1.edges, ...page2.edges].map((e) => e.node.start)).toEqual(
      all.edges.slice(0, 4).map((e) => e.node.start),
    );
  });

  it("refuses a range over 62 days or ending before it starts", async () => {
    const long = await gqlData(
      server.url,
      Agenda,
      { from: at(day, "00:00"), to: at(addDays(day, 63), "00:00") },
      org.owner,
    );
    expect(long.agenda).toMatchObject({ __typename: "ValidationError", fields: [{ path: ["to"] }] });
    const backwards = await gqlData(server.url, Agenda, { from: at(day, "10:00"), to: at(day, "09:00") }, org.owner);
    expect(backwards.agenda.__typename).toBe("ValidationError");
  });

  it("reads 40 appointments with their specialist, service and patient in as many statements as 4", async () => {
    const calendar = await clinicCalendar(server, org, { specialists: 4 });
    const otherDay = addDays(day, 3);
    for (const time of ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30"]) {
      for (let i = 0; i < 4; i++) {
        const patient = await server.services.adminDb.patient.create({
          data: {
            organizationId: uuidOf(org.id),
            firstName: "P",
            lastName: `${time}-${i}`,
            status: "active",
            onboardedAt: new Date(),
          },
        });
        await book(
          server.url,
          { calendarId: calendar.id, start: at(otherDay, time), patientId: globalId("Patient", patient.id) },
          org.owner,
        );
      }
    }
    const range = { from: at(otherDay, "00:00"), to: at(addDays(otherDay, 1), "00:00") };
    statements = 0;
    const four = await agenda({ ...range, first: 4 });
    const few = statements;
    statements = 0;
    const forty = await agenda({ ...range, first: 40 });
    expect(four.edges).toHaveLength(4);
    expect(forty.edges).toHaveLength(40);
    expect(statements).toBe(few);
  });

  it("serves GET /v1/calendar with repeated filters, 422 for a bad range", async () => {
    const [a] = calendars;
    const query = `from=${encodeURIComponent(at(day, "00:00"))}&to=${encodeURIComponent(at(addDays(day, 1), "00:00"))}`;
    const page = await v1(server.url, "GET", `/v1/calendar?${query}&status=booked&status=cancelled&first=3`, org.owner);
    expect(page.status).toBe(200);
    expect(page.body.data).toHaveLength(3);
    expect(page.body.pageInfo.hasNextPage).toBe(true);
    const ofA = await v1(
      server.url,
      "GET",
      `/v1/calendar?${query}&serviceId=${encodeURIComponent(a.serviceId)}`,
      org.owner,
    );
    for (const item of ofA.body.data) expect(item.service.id).toBe(a.serviceId);
    const bad = await v1(
      server.url,
      "GET",
      `/v1/calendar?from=${encodeURIComponent(at(day, "10:00"))}&to=${encodeURIComponent(at(day, "09:00"))}`,
      org.owner,
    );
    expect(bad).toMatchObject({ status: 422, body: { error: { code: "VALIDATION_FAILED" } } });
  });
});

describe("who sees what", () => {
  it("a patient sees only their own appointments; another organization sees none", async () => {
    const [a] = calendars;
    const me = await patientMember(server.url, org);
    const otherDay = addDays(day, 5);
    const mine = await book(server.url, { calendarId: a.id, start: at(otherDay, "09:00") }, me.headers);
    const someone = await activePatient(server.url, org);
    await book(server.url, { calendarId: a.id, start: at(otherDay, "10:00"), patientId: someone.id }, org.owner);
    const range = { from: at(otherDay, "00:00"), to: at(addDays(otherDay, 1), "00:00") };
    expect((await agenda(range, me.headers)).edges.map((e) => e.node.id)).toEqual([mine.appointmentId]);
    expect((await agenda(range)).edges).toHaveLength(2);
    const other = await server.createOrganization("Other agenda clinic");
    expect((await agenda(range, other.owner)).edges).toEqual([]);
    const viaV1 = await v1(
      server.url,
      "GET",
      `/v1/calendar?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`,
      other.owner,
    );
    expect(viaV1.body.data).toEqual([]);
  });
});
