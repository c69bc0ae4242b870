import type { Prisma } from "../../../../db/prisma.js";
import { NotFoundError } from "../../../../errors.js";
import type { Hold, HoldStore } from "../../../../holds/hold-store.js";
import type { Actor } from "../../../../operation/actor.js";
import type { Audited } from "../../../../operation/audited.js";
import { HoldLimitError, SlotUnavailableError } from "../../errors.js";
import { calendarTimeslots, holdWindow, readCalendarSchedule } from "../availability/calendar-availability.js";
import { assertMayBook } from "../calendars/calendar-access.js";
import { fairOrder, recordAssignment } from "./assignment.js";
import { holdClientId } from "./hold-clients.js";

const MINUTE = 60_000;

export interface HoldSlot {
  calendarId: string;
  start: number;
  /** Unset: the fairest free specialist is assigned (and the assignment recorded). */
  specialistId?: string;
}

/** The store and its limits; `placed` hears of the hold as soon as the store has it (to give back if the transaction fails). */
export interface HoldDesk {
  store: HoldStore;
  ttlMs: number;
  maxPerClient: number;
  placed(hold: Hold): void;
}

/**
 * Holds a calendar's slot for the actor, in the calendar's organization: the slot must be offered
 * now; the hold reserves the slot widened by the calendar's buffers, exclusively for its
 * specialist. Without a specialist the free ones are tried in fair order until one can be held.
 */
export async function holdSlot(
  tx: Prisma.TransactionClient,
  actor: Actor,
  desk: HoldDesk,
  input: HoldSlot,
): Promise<Audited<Hold>> {
  const schedule = await readCalendarSchedule(tx, input.calendarId, input.start, input.start + 1);
  assertMayBook(actor, schedule);
  if (input.specialistId && !schedule.specialists.some((s) => s.id === input.specialistId)) {
    throw new NotFoundError("Specialist");
  }
  const now = Date.now();
  const window = holdWindow(input.start, input.start + 1);
  const holds = await desk.store.overlapping(
    schedule.specialists.map((s) => s.id),
    window.from,
    window.to,
  );
  const [slot] = calendarTimeslots(schedule, holds, {
    from: input.start,
    to: input.start + 1,
    now,
    specialistId: input.specialistId,
  });
  if (!slot) throw new SlotUnavailableError();
  const free = schedule.specialists.filter((s) => slot.specialistIds.includes(s.id));
  const order = input.specialistId ? free : await fairOrder(tx, schedule.id, free, now);
  let placed: Hold | undefined;
  for (const specialist of order) {
    const result = await desk.store.create({
      calendarId: schedule.id,
      specialistId: specialist.id,
      start: slot.start - schedule.rules.bufferBeforeMinutes * MINUTE,
      end: slot.end + schedule.rules.bufferAfterMinutes * MINUTE,
      slotStart: slot.start,
      slotEnd: slot.end,
      clientId: holdClientId(actor),
      ttlMs: desk.ttlMs,
      maxPerClient: desk.maxPerClient,
    });
    if (result.ok) {
      placed = result.hold;
      desk.placed(placed);
      break;
    }
    if (result.reason === "TOO_MANY_HOLDS") throw new HoldLimitError(desk.maxPerClient);
  }
  if (!placed) throw new SlotUnavailableError("This time was just taken");
  if (!input.specialistId) {
    await recordAssignment(tx, {
      organizationId: schedule.organizationId,
      calendarId: schedule.id,
      specialistId: placed.specialistId,
      holdToken: placed.token,
    });
  }
  const { token: _token, ...described } = placed;
  return {
    value: placed,
    audit: {
      action: "hold.create",
      entityType: "Calendar",
      entityId: schedule.id,
      after: { ...described, assigned: !input.specialistId },
    },
  };
}
