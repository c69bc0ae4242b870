import { z } from "zod";
import { organizationSettingsSection } from "../../settings/organization-settings.js";

/** Appointments' part of the organization settings. */
export const appointmentSettings = organizationSettingsSection({
  /** A first booking by a patient who has not finished onboarding: accepted but flagged, or refused. */
  firstBookingWithoutOnboarding: z.enum(["flag", "refuse"]).default("flag"),
  /** Patients may cancel up to this many hours before the start. */
  cancellationNoticeHours: z.number().int().min(0).max(720).default(24),
  /** Booked appointments become `upcoming` this many hours before their start. */
  reminderWindowHours: z.number().int().min(0).max(168).default(24),
});
