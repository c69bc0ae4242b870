import { z } from "zod";
import type { Prisma } from "../../db/prisma.js";

/** What an organization may configure; unknown keys are rejected, so typos do not pass silently. */
export const organizationSettings = z
  .object({
    /** Onboarding steps a patient completes before being active, in order. */
    onboardingSteps: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
    /** A first booking by a patient who has not finished onboarding: accepted but flagged, or refused. */
    firstBookingWithoutOnboarding: z.enum(["flag", "refuse"]).default("flag"),
    /** Patients may cancel up to this many hours before the start. */
    cancellationNoticeHours: z.number().int().min(0).max(720).default(24),
    /** Booked appointments become `upcoming` this many hours before their start. */
    reminderWindowHours: z.number().int().min(0).max(168).default(24),
  })
  .strict();

export type OrganizationSettings = z.infer<typeof organizationSettings>;

/** An organization's settings, defaults filled in. */
export async function readOrganizationSettings(
  db: Pick<Prisma.TransactionClient, "organization">,
  organizationId: string,
): Promise<OrganizationSettings> {
  const organization = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
  return organizationSettings.parse(organization.settings);
}
