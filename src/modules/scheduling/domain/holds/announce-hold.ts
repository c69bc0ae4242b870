import { afterCommit } from "../../../../after-commit.js";
import type { Container } from "../../../../container.js";
import type { Hold } from "../../../../holds/hold-store.js";
import { announceCalendarChange } from "../timeslots/announce.js";

/** Tells live subscribers of every calendar offering the held specialist (best-effort: logged if it fails). */
export function announceHold(
  caller: { services: Container },
  hold: Hold,
  reason: "HOLD_CREATED" | "HOLD_RELEASED" | "HOLD_EXPIRED",
) {
  return afterCommit(caller.services.log, `announce ${reason}`, () =>
    announceCalendarChange(caller.services, {
      reason,
      specialistId: hold.specialistId,
      calendarIds: [hold.calendarId],
      start: hold.start,
      end: hold.end,
    }),
  );
}
