import { afterCommit } from "../../../../after-commit.js";
import type { Hold } from "../../../../holds/hold-store.js";
import { audited } from "../../../../operation/audited.js";
import { SlotUnavailableError } from "../../errors.js";
import { inCalendarScope } from "../calendars/calendar-access.js";
import { announceHold } from "./announce-hold.js";
import type { HoldOperation } from "./hold-operation.js";
import { type HoldSlot, holdSlot } from "./hold-slot.js";

/**
 * Places a hold ({@link holdSlot}) for the actor, for the configured TTL. The hold is audited in
 * the calendar's organization (unless `audit: false`: a part of a booking, whose own audit row
 * records it) and announced to live subscribers.
 */
export async function placeHold(
  operation: HoldOperation,
  request: HoldSlot,
  options: { audit?: boolean } = {},
): Promise<Hold> {
  const { holds: store, config } = operation.services;
  // A named specialist already held at that time: refused before any database work (a race's losers).
  if (
    request.specialistId &&
    (await store.overlapping([request.specialistId], request.start, request.start + 1)).length
  ) {
    throw new SlotUnavailableError("This time was just taken");
  }
  let placed: Hold | undefined;
  const { ttlMs, maxPerClient } = config.holds;
  const desk = { store, ttlMs, maxPerClient, placed: (hold: Hold) => (placed = hold) };
  let hold: Hold;
  try {
    hold = await inCalendarScope(operation, request.calendarId, (scope) =>
      audited(operation, (tx, actor) => holdSlot(tx, actor, desk, request), scope, {
        record: options.audit ?? true,
      }),
    );
  } catch (error) {
    // The hold exists but its transaction did not commit: give the time back (or let it lapse).
    const orphan = placed;
    if (orphan) await afterCommit(operation.log, "give the uncommitted hold back", () => store.release(orphan.token));
    throw error;
  }
  await announceHold(operation, hold, "HOLD_CREATED");
  return hold;
}
