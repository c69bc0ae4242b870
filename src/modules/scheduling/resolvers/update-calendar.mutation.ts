import { afterCommit } from "../../../after-commit.js";
import { ConflictError, NotFoundError, ValidationError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { withUniqueSlug } from "../../organizations/organization-input.js";
import { announceCalendarChange } from "../domain/timeslots/announce.js";
import { CalendarRef } from "../types/calendar.type.js";
import { campaignColumns, campaignMatchesKind, UpdateCalendarInput } from "../types/calendar-input.js";
import { calendarManagerRoles } from "../domain/permissions.js";

builder.mutationField("updateCalendar", (t) =>
  t.field({
    type: CalendarRef,
    description:
      "Changes a calendar's settings; only the fields given change. Leaving the campaign kind clears the campaign.",
    authScopes: { orgRole: calendarManagerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: CalendarRef }), input: t.arg({ type: UpdateCalendarInput }) },
    resolve: async (_root, { id, input }, ctx) => {
      const calendar = await withUniqueSlug(input.slug, () =>
        audited(ctx, async (tx) => {
          const before = await tx.calendar.findUnique({ where: { id: id.id } });
          if (!before) throw new NotFoundError("Calendar");
          if (input.serviceId && !(await tx.service.findUnique({ where: { id: input.serviceId.id } }))) {
            throw new NotFoundError("Service");
          }
          const kind = input.kind ?? before.kind;
          const keepsCampaign = input.campaign === undefined && kind === "campaign" && before.kind === "campaign";
          const issues: { path: string[]; message: string }[] = [];
          campaignMatchesKind(
            { kind, campaign: keepsCampaign ? true : input.campaign },
            { addIssue: (issue) => issues.push({ path: ["input", ...issue.path], message: issue.message }) },
          );
          if (issues.length) throw new ValidationError(issues);
          const after = await tx.calendar.update({
            where: { id: before.id },
            data: {
              serviceId: input.serviceId?.id,
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
          };
        }),
      );
      await afterCommit(ctx.log, "announce the calendar change", () =>
        announceCalendarChange(ctx.services, { reason: "CALENDAR_UPDATED", calendarIds: [calendar.id] }),
      );
      return calendar;
    },
  }),
);
