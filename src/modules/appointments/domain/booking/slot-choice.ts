import { ValidationError } from "../../../../errors.js";
import type { SlotChoice } from "./booking-hold.js";

/** The slot a booking or reschedule input names: a hold token, or a calendar and a start. */
export function slotChoice(input: {
  holdToken?: string | null;
  calendarId?: { id: string } | null;
  start?: Date | null;
  specialistId?: { id: string } | null;
}): SlotChoice {
  if (input.holdToken && (input.calendarId || input.start)) {
    throw new ValidationError([
      { path: ["input", "holdToken"], message: "give a hold token or a calendar and start, not both" },
    ]);
  }
  if (input.holdToken) return { holdToken: input.holdToken };
  if (!input.calendarId || !input.start) {
    throw new ValidationError([
      { path: ["input", input.calendarId ? "start" : "calendarId"], message: "is required without a hold token" },
    ]);
  }
  return { calendarId: input.calendarId.id, start: input.start.getTime(), specialistId: input.specialistId?.id };
}
