import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { withUniqueSlug } from "../../organizations/organization-input.js";
import { CalendarRef } from "../types/calendar.type.js";
import { CreateCalendarInput, campaignColumns } from "../types/calendar-input.js";
import { calendarManagerRoles } from "../domain/permissions.js";

builder.mutationField("createCalendar", (t) =>
  t.field({
    type: CalendarRef,
    description: "Creates a calendar of a service in the active organization; attach specialists next.",
    authScopes: { orgRole: calendarManagerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { input: t.arg({ type: CreateCalendarInput }) },
    resolve: (_root, { input }, ctx) =>
      withUniqueSlug(input.slug, () =>
        audited(ctx, async (tx) => {
          const service = await tx.service.findUnique({ where: { id: input.serviceId.id } });
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
          };
        }),
      ),
  }),
);
