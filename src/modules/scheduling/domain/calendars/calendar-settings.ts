/** The settings creating and updating a calendar both take; absent: the default (create) or unchanged (update). */
export interface CalendarSettings {
  kind?: "default" | "campaign" | "promotion" | null;
  slotIntervalMinutes?: number | null;
  bufferBeforeMinutes?: number | null;
  bufferAfterMinutes?: number | null;
  minimumNoticeMinutes?: number | null;
  bookingHorizonDays?: number | null;
  maxBookingsPerDayPerSpecialist?: number | null;
  timezone?: string | null;
  slug?: string | null;
  active?: boolean | null;
}
