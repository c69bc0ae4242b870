import type { PrismaClient } from "../../src/db/prisma.js";
import { globalId } from "./graphql.js";

/**
 * Straight into the database (as the owner), for load tests and benches: a service of
 * `slotMinutes` and its calendar (UTC, slots every `slotMinutes`, bookable `horizonDays` ahead)
 * with `specialists` specialists working 00:00-24:00 every day. Answers the rows and the
 * specialists' global ids.
 */
export async function roundTheClockCalendar(
  owner: PrismaClient,
  organizationId: string,
  options: { specialists: number; slotMinutes: number; horizonDays: number; lastName: string },
) {
  const service = await owner.service.create({
    data: {
      organizationId,
      name: "Check-up",
      durationMinutes: options.slotMinutes,
      deliveryMode: "in_clinic",
      billingModel: "session_based",
      currency: "EUR",
      pricePerSession: 3000,
    },
  });
  const calendar = await owner.calendar.create({
    data: {
      organizationId,
      serviceId: service.id,
      name: "Check-ups",
      slotIntervalMinutes: options.slotMinutes,
      bookingHorizonDays: options.horizonDays,
      timezone: "UTC",
    },
  });
  const specialistIds: string[] = [];
  for (let i = 0; i < options.specialists; i++) {
    const specialist = await owner.specialist.create({
      data: { organizationId, firstName: `Specialist ${i}`, lastName: options.lastName, timezone: "UTC" },
    });
    await owner.specialistWeeklyHours.createMany({
      data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        organizationId,
        specialistId: specialist.id,
        weekday,
        startMinute: 0,
        endMinute: 24 * 60,
      })),
    });
    await owner.calendarSpecialist.create({
      data: { organizationId, calendarId: calendar.id, specialistId: specialist.id },
    });
    specialistIds.push(globalId("Specialist", specialist.id));
  }
  return { service, calendar, specialistIds };
}
