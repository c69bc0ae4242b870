import { ValidationError } from "../../../../errors.js";

/** Where a booking (or a reschedule) goes: a live hold's token, or a slot to hold now. */
export type SlotChoice = { holdToken: string } | { calendarId: string; start: number; specialistId?: string };

/**
 * The slot a booking or reschedule input names: a hold token, or a calendar and a start (and
 * perhaps a specialist). ValidationError (at `input.<field>`) for both, or neither.
 */
export function slotChoice(input: {
  holdToken?: string | null;
  calendarId?: string | null;
  start?: Date | null;
  specialistId?: string | null;
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
  return { calendarId: input.calendarId, start: input.start.getTime(), specialistId: input.specialistId ?? undefined };
}
