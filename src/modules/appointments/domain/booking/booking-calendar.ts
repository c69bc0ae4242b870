import type { Prisma } from "../../../../db/prisma.js";
import { ValidationError } from "../../../../errors.js";
import { appointmentSettings } from "../../settings.js";

/** What booking reads of a calendar, its service and its organization, in one statement; null when hidden. */
export async function bookingCalendar(tx: Prisma.TransactionClient, calendarId: string) {
  const [row] = await tx.$queryRaw<
    {
      id: string;
      organization_id: string;
      service_id: string;
      active: boolean;
      slug: string | null;
      requires_plan_session: boolean;
      telehealth: boolean;
      settings: unknown;
    }[]
  >`SELECT c.id, c.organization_id, c.service_id, c.active, c.slug, s.requires_plan_session,
      s.delivery_mode = 'telehealth' AS telehealth, o.settings
    FROM calendars c JOIN services s ON s.id = c.service_id JOIN organizations o ON o.id = c.organization_id
    WHERE c.id = ${calendarId}::uuid`;
  return row
    ? {
        id: row.id,
        organizationId: row.organization_id,
        serviceId: row.service_id,
        active: row.active,
        slug: row.slug,
        requiresPlanSession: row.requires_plan_session,
        telehealth: row.telehealth,
        settings: appointmentSettings.parse(row.settings),
      }
    : null;
}

/** The add-ons asked for, each an active add-on of the service (else ValidationError), without repeats. */
export async function offeredAddOns(tx: Prisma.TransactionClient, serviceId: string, requested: string[]) {
  const addOnServiceIds = [...new Set(requested)];
  if (!addOnServiceIds.length) return addOnServiceIds;
  const offered = await tx.serviceAddOn.findMany({
    where: { serviceId, addOnServiceId: { in: addOnServiceIds }, addOn: { active: true } },
    select: { addOnServiceId: true },
  });
  const known = new Set(offered.map((a) => a.addOnServiceId));
  const unknown = addOnServiceIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) {
    throw new ValidationError([
      { path: ["input", "addOnServiceIds", String(unknown)], message: "is not an add-on of this service" },
    ]);
  }
  return addOnServiceIds;
}
