import { afterCommit } from "../../../../after-commit.js";
import type { Container } from "../../../../container.js";
import type { Logger } from "../../../../logger.js";
import { announceCalendarChange } from "../timeslots/announce.js";

const DAY = 86_400_000;

/**
 * Tells live subscribers a specialist's hours changed: around `date` (an override's), or at any
 * time (weekly hours). After the commit, best-effort (logged).
 */
export function announceScheduleUpdate(
  caller: { services: Container; log: Logger },
  specialistId: string,
  date?: Date,
) {
  return afterCommit(caller.log, "announce the schedule change", () =>
    announceCalendarChange(caller.services, {
      reason: "SCHEDULE_UPDATED",
      specialistId,
      ...(date ? { start: date.getTime() - DAY, end: date.getTime() + 2 * DAY } : {}),
    }),
  );
}
