import { z } from "zod";
import { afterCommit } from "../../../after-commit.js";
import { isUniqueViolation } from "../../../db/errors.js";
import type { Prisma } from "../../../db/prisma.js";
import { ConflictError, ForbiddenError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import type { Context } from "../../../graphql/context.js";
import { staffRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { SpecialistRef } from "../../specialists/specialist.type.js";
import { announceCalendarChange } from "../domain/timeslots/announce.js";
import { assertMayEditSchedule } from "../domain/permissions.js";
import { ScheduleOverrideRef } from "../types/schedule-override.type.js";
import { TimeRangeInput } from "../types/time-range.type.js";
import { localDate, nonOverlapping, toDayRange } from "../domain/schedule/time-ranges.js";

const DAY = 86_400_000;

const overrideRanges = z.array(z.any()).max(20).superRefine(nonOverlapping);
const reason = z.string().trim().max(500);

const CreateScheduleOverrideInput = builder.inputType("CreateScheduleOverrideInput", {
  fields: (t) => ({
    specialistId: t.globalID({ for: SpecialistRef }),
    date: t.string({ validate: localDate, description: "YYYY-MM-DD, in the specialist's time zone." }),
    ranges: t.field({
      type: [TimeRangeInput],
      validate: overrideRanges,
      description: "The hours of that date instead of the weekly ones; empty: unavailable all day.",
    }),
    reason: t.string({ required: false, validate: reason }),
  }),
});

const UpdateScheduleOverrideInput = builder.inputType("UpdateScheduleOverrideInput", {
  description: "Only the fields given change.",
  fields: (t) => ({
    ranges: t.field({ type: [TimeRangeInput], required: false, validate: overrideRanges }),
    reason: t.string({ required: false, validate: reason }),
  }),
});

/**
 * The override with its specialist, if the caller may change that specialist's hours. A
 * specialist named too (`/v1` paths do) must be the override's, or it is not found.
 */
async function editableOverride(
  tx: Prisma.TransactionClient,
  ctx: Context,
  id: string,
  specialistId: { id: string } | null | undefined,
) {
  const override = await tx.specialistScheduleOverride.findUnique({ where: { id }, include: { specialist: true } });
  if (!override || (specialistId && specialistId.id !== override.specialistId)) {
    throw new NotFoundError("ScheduleOverride");
  }
  assertMayEditSchedule(ctx, override.specialist);
  const { specialist, ...row } = override;
  return { row, specialist };
}

/** Tells live subscribers the specialist's slots around that date changed. */
const announce = (ctx: Context, specialistId: string, date: Date) =>
  afterCommit(ctx.log, "announce the schedule change", () =>
    announceCalendarChange(ctx.services, {
      reason: "SCHEDULE_UPDATED",
      specialistId,
      start: date.getTime() - DAY,
      end: date.getTime() + 2 * DAY,
    }),
  );

builder.mutationFields((t) => ({
  createScheduleOverride: t.field({
    type: ScheduleOverrideRef,
    description: "Makes a date unavailable for a specialist, or gives it other hours. One override per date.",
    authScopes: { orgRole: staffRoles },
    errors: { types: [NotFoundError, ForbiddenError, ConflictError] },
    args: { input: t.arg({ type: CreateScheduleOverrideInput }) },
    resolve: async (_root, { input }, ctx) => {
      const override = await audited(ctx, async (tx) => {
        const specialist = await tx.specialist.findUnique({ where: { id: input.specialistId.id } });
        if (!specialist) throw new NotFoundError("Specialist");
        assertMayEditSchedule(ctx, specialist);
        const created = await tx.specialistScheduleOverride.create({
          data: {
            organizationId: specialist.organizationId,
            specialistId: specialist.id,
            date: new Date(`${input.date}T00:00:00Z`),
            ranges: input.ranges.map(toDayRange) as unknown as Prisma.InputJsonValue,
            reason: input.reason ?? null,
          },
        });
        return {
          value: created,
          audit: {
            action: "schedule_override.create",
            entityType: "ScheduleOverride",
            entityId: created.id,
            after: created,
          },
        };
      }).catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw new ConflictError(`The specialist already has an override on ${input.date}`);
        throw error;
      });
      await announce(ctx, override.specialistId, override.date);
      return override;
    },
  }),
  updateScheduleOverride: t.field({
    type: ScheduleOverrideRef,
    authScopes: { orgRole: staffRoles },
    errors: { types: [NotFoundError, ForbiddenError] },
    args: {
      id: t.arg.globalID({ for: ScheduleOverrideRef }),
      specialistId: t.arg.globalID({ for: SpecialistRef, required: false }),
      input: t.arg({ type: UpdateScheduleOverrideInput }),
    },
    resolve: async (_root, { id, specialistId, input }, ctx) => {
      const override = await audited(ctx, async (tx) => {
        const { row: before } = await editableOverride(tx, ctx, id.id, specialistId);
        const after = await tx.specialistScheduleOverride.update({
          where: { id: before.id },
          data: {
            ranges: input.ranges ? (input.ranges.map(toDayRange) as unknown as Prisma.InputJsonValue) : undefined,
            reason: input.reason,
          },
        });
        return {
          value: after,
          audit: {
            action: "schedule_override.update",
            entityType: "ScheduleOverride",
            entityId: after.id,
            before,
            after,
          },
        };
      });
      await announce(ctx, override.specialistId, override.date);
      return override;
    },
  }),
  deleteScheduleOverride: t.field({
    type: ScheduleOverrideRef,
    description: "The date follows the weekly hours again.",
    authScopes: { orgRole: staffRoles },
    errors: { types: [NotFoundError, ForbiddenError] },
    args: {
      id: t.arg.globalID({ for: ScheduleOverrideRef }),
      specialistId: t.arg.globalID({ for: SpecialistRef, required: false }),
    },
    resolve: async (_root, { id, specialistId }, ctx) => {
      const override = await audited(ctx, async (tx) => {
        const { row: before } = await editableOverride(tx, ctx, id.id, specialistId);
        await tx.specialistScheduleOverride.delete({ where: { id: before.id } });
        return {
          value: before,
          audit: { action: "schedule_override.delete", entityType: "ScheduleOverride", entityId: before.id, before },
        };
      });
      await announce(ctx, override.specialistId, override.date);
      return override;
    },
  }),
}));
