import { z } from "zod";
import { afterCommit } from "../../../after-commit.js";
import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { SpecialistRef } from "../../specialists/specialist.type.js";
import { announceCalendarChange } from "../domain/timeslots/announce.js";
import { CalendarRef } from "../types/calendar.type.js";
import { calendarManagerRoles } from "../domain/permissions.js";

const AttachCalendarSpecialistInput = builder.inputType("AttachCalendarSpecialistInput", {
  fields: (t) => ({
    calendarId: t.globalID({ for: CalendarRef }),
    specialistId: t.globalID({ for: SpecialistRef }),
    weight: t.int({
      required: false,
      validate: z.number().int().min(1).max(100),
      description: "Share of automatic assignments, 1-100 (default 1).",
    }),
  }),
});

builder.mutationFields((t) => ({
  attachCalendarSpecialist: t.field({
    type: CalendarRef,
    description: "Offers a specialist on a calendar (or changes their weight when already there).",
    authScopes: { orgRole: calendarManagerRoles },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: AttachCalendarSpecialistInput }) },
    resolve: async (_root, { input }, ctx) => {
      const calendar = await audited(ctx, async (tx) => {
        const found = await tx.calendar.findUnique({ where: { id: input.calendarId.id } });
        if (!found) throw new NotFoundError("Calendar");
        const specialist = await tx.specialist.findUnique({ where: { id: input.specialistId.id } });
        if (!specialist) throw new NotFoundError("Specialist");
        const key = { calendarId: found.id, specialistId: specialist.id };
        const link = await tx.calendarSpecialist.upsert({
          where: { calendarId_specialistId: key },
          create: { ...key, organizationId: found.organizationId, weight: input.weight ?? 1 },
          update: { weight: input.weight ?? undefined },
        });
        return {
          value: found,
          audit: { action: "calendar.attach_specialist", entityType: "Calendar", entityId: found.id, after: link },
        };
      });
      await afterCommit(ctx.log, "announce the calendar change", () =>
        announceCalendarChange(ctx.services, { reason: "CALENDAR_UPDATED", calendarIds: [calendar.id] }),
      );
      return calendar;
    },
  }),
  detachCalendarSpecialist: t.field({
    type: CalendarRef,
    description: "Stops offering a specialist on a calendar; their appointments stay.",
    authScopes: { orgRole: calendarManagerRoles },
    errors: { types: [NotFoundError] },
    args: {
      calendarId: t.arg.globalID({ for: CalendarRef }),
      specialistId: t.arg.globalID({ for: SpecialistRef }),
    },
    resolve: async (_root, { calendarId, specialistId }, ctx) => {
      const calendar = await audited(ctx, async (tx) => {
        const key = { calendarId: calendarId.id, specialistId: specialistId.id };
        const link = await tx.calendarSpecialist.findUnique({
          where: { calendarId_specialistId: key },
          include: { calendar: true },
        });
        if (!link) throw new NotFoundError("CalendarSpecialist");
        await tx.calendarSpecialist.delete({ where: { calendarId_specialistId: key } });
        const { calendar: found, ...before } = link;
        return {
          value: found,
          audit: { action: "calendar.detach_specialist", entityType: "Calendar", entityId: found.id, before },
        };
      });
      await afterCommit(ctx.log, "announce the calendar change", () =>
        announceCalendarChange(ctx.services, { reason: "CALENDAR_UPDATED", calendarIds: [calendar.id] }),
      );
      return calendar;
    },
  }),
}));
