import { afterCommit } from "../../../../after-commit.js";
import type { Container } from "../../../../container.js";
import type { Logger } from "../../../../logger.js";
import { announceCalendarChange } from "../timeslots/announce.js";

/** Tells live subscribers a calendar's settings or specialists changed: after the commit, best-effort (logged). */
export function announceCalendarUpdate(caller: { services: Container; log: Logger }, calendarId: string) {
  return afterCommit(caller.log, "announce the calendar change", () =>
    announceCalendarChange(caller.services, { reason: "CALENDAR_UPDATED", calendarIds: [calendarId] }),
  );
}
