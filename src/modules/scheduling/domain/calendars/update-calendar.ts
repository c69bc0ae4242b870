import type { Prisma } from "../../../../db/prisma.js";
import { type FieldIssue, NotFoundError, ValidationError } from "../../../../errors.js";
import type { Actor } from "../../../../operation/actor.js";
import type { Audited } from "../../../../operation/audited.js";
import { withUniqueSlug } from "../../../organizations/index.js";
import type { CalendarSettings } from "./calendar-settings.js";
import { type CampaignValues, campaignColumns, campaignMatchesKind } from "./campaign.js";

/** Only the fields given change; null clears `slug`, `maxBookingsPerDayPerSpecialist` and `campaign`. */
export interface UpdateCalendar extends CalendarSettings {
  serviceId?: string | null;
  name?: string | null;
  campaign?: CampaignValues | null;
}

/**
 * Changes a calendar's settings. Leaving the campaign kind clears the campaign; a campaign calendar
 * must have one (reported at `input.campaign`, as the field's own validation would).
 */
export function updateCalendar(tx: Prisma.TransactionClient, _actor: Actor, id: string, input: UpdateCalendar) {
  return withUniqueSlug(input.slug, async () => {
    const before = await tx.calendar.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("Calendar");
    if (input.serviceId && !(await tx.service.findUnique({ where: { id: input.serviceId } }))) {
      throw new NotFoundError("Service");
    }
    const kind = input.kind ?? before.kind;
    const keepsCampaign = input.campaign === undefined && kind === "campaign" && before.kind === "campaign";
    const issues: FieldIssue[] = [];
    campaignMatchesKind(
      { kind, campaign: keepsCampaign ? true : input.campaign },
      { addIssue: (issue) => issues.push({ path: ["input", ...issue.path], message: issue.message }) },
    );
    if (issues.length) throw new ValidationError(issues);
    const after = await tx.calendar.update({
      where: { id: before.id },
      data: {
        serviceId: input.serviceId ?? undefined,
        name: input.name ?? undefined,
        kind,
        slotIntervalMinutes: input.slotIntervalMinutes ?? undefined,
        bufferBeforeMinutes: input.bufferBeforeMinutes ?? undefined,
        bufferAfterMinutes: input.bufferAfterMinutes ?? undefined,
        minimumNoticeMinutes: input.minimumNoticeMinutes ?? undefined,
        bookingHorizonDays: input.bookingHorizonDays ?? undefined,
        maxBookingsPerDayPerSpecialist: input.maxBookingsPerDayPerSpecialist,
        timezone: input.timezone ?? undefined,
        slug: input.slug,
        active: input.active ?? undefined,
        ...(keepsCampaign ? {} : campaignColumns(input.campaign ?? null)),
      },
    });
    return {
      value: after,
      audit: { action: "calendar.update", entityType: "Calendar", entityId: after.id, before, after },
    } satisfies Audited<typeof after>;
  });
}
