import { ConflictError, ForbiddenError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { staffRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { announceScheduleUpdate } from "../domain/schedule/announce-schedule-update.js";
import { createScheduleOverride } from "../domain/schedule/create-schedule-override.js";
import { ScheduleOverrideRef } from "../types/schedule-override.type.js";
import { CreateScheduleOverrideInput } from "../types/schedule-override-input.js";

builder.mutationField("createScheduleOverride", (t) =>
  t.field({
    type: ScheduleOverrideRef,
    description: "Makes a date unavailable for a specialist, or gives it other hours. One override per date.",
    authScopes: { orgRole: staffRoles },
    errors: { types: [NotFoundError, ForbiddenError, ConflictError] },
    args: { input: t.arg({ type: CreateScheduleOverrideInput }) },
    resolve: async (_root, { input }, ctx) => {
      const override = await audited(ctx, (tx, actor) =>
        createScheduleOverride(tx, actor, { ...input, specialistId: input.specialistId.id }),
      );
      await announceScheduleUpdate(ctx, override.specialistId, override.date);
      return override;
    },
  }),
);
