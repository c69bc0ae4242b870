import { beforeAll, describe, expect, it } from "vitest";
import { TimeslotsChanged } from "../scheduling/fixtures.js";
import type { TestOrganization } from "../support/auth.js";
import { actUntilReceived, gqlData, subscribe } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { CancelAppointment, RescheduleAppointment } from "./documents.js";
import { activePatient, addDays, at, book, bookingDay, clinicCalendar, slotAt } from "./fixtures.js";

const server = useTestServer();
let org: TestOrganization;

beforeAll(async () => {
  org = await server.createOrganization("Live booking clinic");
});

const day = bookingDay(11);

describe("live timeslots follow appointments", () => {
  it("a booking takes its slot, a cancellation gives it back, a reschedule moves it", async () => {
    const calendar = await clinicCalendar(server, org);
    const patient = await activePatient(server.url, org);
    const subscription = subscribe(server.url, TimeslotsChanged, {
      calendarId: calendar.id,
      from: day,
      to: addDays(day, 1),
      timeZone: "UTC",
    });
    try {
      /** Reads messages until the slot list satisfies `wanted` (each message within 3 s). */
      const slotsUntil = async (wanted: (starts: string[]) => boolean) => {
        for (;;) {
          const starts = (await subscription.next(3_000)).timeslotsChanged.slots.map((s) => s.start);
          if (wanted(starts)) return starts;
        }
      };
      const initial = (await subscription.next()).timeslotsChanged;
      expect(initial.slots.map((s) => s.start)).toContain(slotAt(day, "10:00"));
      let bookedId = "";
      const taken = await actUntilReceived(subscription, async () => {
        if (bookedId) return;
        bookedId = (
          await book(server.url, { calendarId: calendar.id, start: at(day, "10:00"), patientId: patient.id }, org.owner)
        ).appointmentId;
      });
      expect(taken.timeslotsChanged.slots.map((s) => s.start)).not.toContain(slotAt(day, "10:00"));

      await gqlData(server.url, CancelAppointment, { id: bookedId }, org.owner);
      const back = (await subscription.next(3_000)).timeslotsChanged;
      expect(back.reason).toBe("APPOINTMENT_CANCELLED");
      expect(back.changed.map((s) => [s.start, s.availableSpecialists])).toEqual([[slotAt(day, "10:00"), 1]]);

      const again = await book(
        server.url,
        { calendarId: calendar.id, start: at(day, "11:00"), patientId: patient.id },
        org.owner,
      );
      await slotsUntil((starts) => !starts.includes(slotAt(day, "11:00")));
      await gqlData(
        server.url,
        RescheduleAppointment,
        { id: again.appointmentId, input: { start: at(day, "12:00") } },
        org.owner,
      );
      await slotsUntil((starts) => starts.includes(slotAt(day, "11:00")) && !starts.includes(slotAt(day, "12:00")));
    } finally {
      subscription.close();
    }
  });
});
