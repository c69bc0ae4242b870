/**
 * `npm run bench:agenda`: the agenda of a busy clinic's month. Two organizations, each with 20
 * specialists booked 16 times a day for 30 days (9,600 appointments and as many patients each,
 * so row-level security has another tenant's rows to leave out). Measures, as the owner through
 * a server process of its own (role api, production mode): the month's first page of 100 and of
 * 500 with specialist, service and patient; one specialist's month (480, filtered); a week of
 * booked-or-upcoming appointments of one service; and `GET /v1/calendar` for the month's first
 * 100. Prints median and p99.
 */
import { createPrisma } from "../src/db/prisma.js";
import { asUser, createOrganization } from "../tests/support/auth.js";
import { startServerProcess } from "../tests/support/process.js";
import { testServerEnv } from "../tests/support/server.js";
import { benchDatabase, post, summary, timed } from "./support.js";

const MINUTE = 60_000;
const DAY = 86_400_000;
const SPECIALISTS = 20;
const PER_DAY = 16;
const DAYS = 30;

const AGENDA = `query BenchAgenda($from: DateTime!, $to: DateTime!, $first: Int, $specialistIds: [ID!],
    $serviceIds: [ID!], $statuses: [AppointmentStatus!]) {
  agenda(from: $from, to: $to, first: $first, specialistIds: $specialistIds, serviceIds: $serviceIds, statuses: $statuses) {
    __typename
    ... on QueryAgendaSuccess { data { edges { node {
      id status start end specialist { id firstName lastName } service { id name } patient { id firstName lastName }
    } } pageInfo { hasNextPage endCursor } } }
  }
}`;

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const uuidOf = (id: string) => Buffer.from(id, "base64").toString().split(":")[1] as string;

const database = await benchDatabase("agenda");
const owner = createPrisma(database.adminUrl, 4);
const server = await startServerProcess(
  testServerEnv(
    { name: database.name, adminUrl: database.adminUrl, appUrl: database.adminUrl, drop: async () => {} },
    { SERVER_ROLE: "api", NODE_ENV: "production", INTEGRATIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") },
  ),
);

const firstDay = Date.parse(`${new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10)}T00:00:00Z`);

/** One organization's month: services, specialists, a calendar, patients and appointments. */
async function seedClinic(name: string) {
  const org = await createOrganization(server.url, name);
  const organizationId = uuidOf(org.id);
  const services = await Promise.all(
    ["Consultation", "Physiotherapy"].map((serviceName) =>
      owner.service.create({
        data: {
          organizationId,
          name: serviceName,
          durationMinutes: 30,
          deliveryMode: "in_clinic",
          billingModel: "session_based",
          currency: "EUR",
          pricePerSession: 5000,
        },
      }),
    ),
  );
  const calendars = await Promise.all(
    services.map((service) =>
      owner.calendar.create({
        data: { organizationId, serviceId: service.id, name: service.name, slotIntervalMinutes: 30, timezone: "UTC" },
      }),
    ),
  );
  await owner.specialist.createMany({
    data: Array.from({ length: SPECIALISTS }, (_, i) => ({ organizationId, firstName: `S${i}`, lastName: "Bench" })),
  });
  const specialists = await owner.specialist.findMany({ where: { organizationId }, orderBy: { firstName: "asc" } });
  const total = SPECIALISTS * PER_DAY * DAYS;
  await owner.patient.createMany({
    data: Array.from({ length: total }, (_, i) => ({
      organizationId,
      firstName: `P${i}`,
      lastName: "Bench",
      status: "active" as const,
      onboardedAt: new Date(),
    })),
  });
  const patients = await owner.patient.findMany({ where: { organizationId }, select: { id: true } });
  const appointments = [];
  let n = 0;
  for (let day = 0; day < DAYS; day++) {
    for (const [s, specialist] of specialists.entries()) {
      for (let k = 0; k < PER_DAY; k++) {
        const start = firstDay + day * DAY + (8 * 60 + k * 30) * MINUTE;
        const which = (s + k) % 2;
        appointments.push({
          organizationId,
          calendarId: calendars[which]?.id as string,
          serviceId: services[which]?.id as string,
          specialistId: specialist.id,
          patientId: patients[n++]?.id as string,
          startAt: new Date(start),
          endAt: new Date(start + 30 * MINUTE),
          status: (k % 10 === 0 ? "cancelled" : "booked") as "cancelled" | "booked",
          cancelledAt: k % 10 === 0 ? new Date() : null,
        });
      }
    }
  }
  for (let i = 0; i < appointments.length; i += 5_000) {
    await owner.appointment.createMany({ data: appointments.slice(i, i + 5_000) });
  }
  return { org, specialists, services, count: appointments.length };
}

try {
  const clinic = await seedClinic("Busy clinic");
  await seedClinic("Neighbour clinic");
  await owner.$executeRawUnsafe("ANALYZE");
  console.log(
    `seeded: 2 organizations × ${clinic.count} appointments (${SPECIALISTS} specialists × ${PER_DAY}/day × ${DAYS} days)`,
  );
  const staff = asUser(clinic.org.ownerSub);
  const month = {
    from: new Date(firstDay).toISOString(),
    to: new Date(firstDay + DAYS * DAY).toISOString(),
  };
  const agenda = (variables: Record<string, unknown>) => post(server.url, AGENDA, { ...month, ...variables }, staff);
  const check = (data: Record<string, unknown>, expected: number) => {
    const result = data.agenda as { data?: { edges: unknown[] } };
    if (result.data?.edges.length !== expected)
      throw new Error(`expected ${expected}: ${JSON.stringify(data).slice(0, 200)}`);
  };
  summary(
    "agenda, month, first 100 (with specialist, service, patient)",
    await timed(100, 10, async () => check(await agenda({ first: 100 }), 100)),
  );
  summary("agenda, month, first 500", await timed(50, 5, async () => check(await agenda({ first: 500 }), 500)));
  const oneSpecialist = globalId("Specialist", clinic.specialists[3]?.id as string);
  summary(
    "agenda, month, one specialist (480, first 500)",
    await timed(50, 5, async () => check(await agenda({ first: 500, specialistIds: [oneSpecialist] }), 480)),
  );
  const week = { from: month.from, to: new Date(firstDay + 7 * DAY).toISOString() };
  summary(
    "agenda, week, one service, booked (first 500)",
    await timed(50, 5, async () =>
      post(
        server.url,
        AGENDA,
        {
          ...week,
          first: 500,
          serviceIds: [globalId("Service", clinic.services[0]?.id as string)],
          statuses: ["booked"],
        },
        staff,
      ),
    ),
  );
  const v1 = `${server.url}/v1/calendar?from=${encodeURIComponent(month.from)}&to=${encodeURIComponent(month.to)}&first=100`;
  summary(
    "GET /v1/calendar, month, first 100",
    await timed(100, 10, async () => {
      const response = await fetch(v1, { headers: staff });
      if (response.status !== 200) throw new Error(`status ${response.status}`);
      await response.json();
    }),
  );
} catch (error) {
  console.error(server.output.slice(-20).join("\n"));
  throw error;
} finally {
  await server.stop();
  await owner.$disconnect();
  await database.drop();
}
