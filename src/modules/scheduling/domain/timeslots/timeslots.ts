import type { Container } from "../../../../container.js";
import type { TenantScope } from "../../../../db/tenant.js";
import { NotFoundError } from "../../../../errors.js";
import type { Operation } from "../../../../operation/actor.js";
import { calendarTimeslots, holdWindow, readCalendarSchedule } from "../availability/calendar-availability.js";
import type { Timeslot } from "../availability/compute-timeslots.js";
import { assertMayBook, inCalendarScope } from "../calendars/calendar-access.js";

/** Who reads slots: the actor's scope and database, and the container's hold store (a request's context is one). */
export type TimeslotsReader = Pick<Operation, "scope" | "database"> & { services: Container };

export interface TimeslotQuery {
  calendarId: string;
  from: number;
  to: number;
  specialistId?: string;
}

/**
 * A calendar's slots for the caller, read in its organization as the booking-widget role: one
 * statement (in its scoped transaction) and one Redis round trip for the holds. The caller may
 * see them (see {@link assertMayBook}); a specialist not on the calendar is not found. With a
 * specialist, only that specialist's hours, appointments and holds are read.
 */
export async function timeslotsIn(ctx: TimeslotsReader, scope: TenantScope, query: TimeslotQuery): Promise<Timeslot[]> {
  const schedule = await ctx.database.transaction(scope, (tx) =>
    readCalendarSchedule(tx, query.calendarId, query.from, query.to, query.specialistId),
  );
  assertMayBook(ctx, schedule);
  if (query.specialistId && !schedule.specialists.some((s) => s.id === query.specialistId)) {
    throw new NotFoundError("Specialist");
  }
  const window = holdWindow(query.from, query.to);
  const holds = await ctx.services.holds.overlapping(
    schedule.specialists.map((s) => s.id),
    window.from,
    window.to,
  );
  return calendarTimeslots(schedule, holds, { ...query, now: Date.now() });
}

/** {@link timeslotsIn} the calendar's organization; also answers which scope that was, to compute again later. */
export function findTimeslots(
  ctx: TimeslotsReader,
  query: TimeslotQuery,
): Promise<{ scope: TenantScope; slots: Timeslot[] }> {
  return inCalendarScope(
    ctx,
    query.calendarId,
    async (scope) => ({ scope, slots: await timeslotsIn(ctx, scope, query) }),
    { checksAccess: true },
  );
}
