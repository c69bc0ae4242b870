import type { Prisma } from "../../../../db/prisma.js";
import { NotFoundError } from "../../../../errors.js";
import type { Actor } from "../../../../operation/actor.js";
import type { Audited } from "../../../../operation/audited.js";
import { withUniqueSlug } from "../../../organizations/index.js";
import type { CalendarSettings } from "./calendar-settings.js";
import { type CampaignValues, campaignColumns } from "./campaign.js";

export interface CreateCalendar extends CalendarSettings {
  serviceId: string;
  name: string;
  campaign?: CampaignValues | null;
}

/**
 * Creates a calendar of a service in the service's organization: the slot interval defaults to the
 * service's duration, the time zone to the organization's. A slug already taken is a conflict.
 */
export function createCalendar(tx: Prisma.TransactionClient, _actor: Actor, input: CreateCalendar) {
  return withUniqueSlug(input.slug, async () => {
    const service = await tx.service.findUnique({ where: { id: input.serviceId } });
    if (!service) throw new NotFoundError("Service");
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: service.organizationId } });
    const calendar = await tx.calendar.create({
      data: {
        organizationId: service.organizationId,
        serviceId: service.id,
        name: input.name,
        kind: input.kind ?? "default",
        slotIntervalMinutes: input.slotIntervalMinutes ?? service.durationMinutes,
        bufferBeforeMinutes: input.bufferBeforeMinutes ?? undefined,
        bufferAfterMinutes: input.bufferAfterMinutes ?? undefined,
        minimumNoticeMinutes: input.minimumNoticeMinutes ?? undefined,
        bookingHorizonDays: input.bookingHorizonDays ?? undefined,
        maxBookingsPerDayPerSpecialist: input.maxBookingsPerDayPerSpecialist ?? null,
        timezone: input.timezone ?? organization.timezone,
        slug: input.slug ?? null,
        active: input.active ?? undefined,
        ...campaignColumns(input.campaign ?? null),
      },
    });
    return {
      value: calendar,
      audit: { action: "calendar.create", entityType: "Calendar", entityId: calendar.id, after: calendar },
    } satisfies Audited<typeof calendar>;
  });
}
