import { ForbiddenError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { staffRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { SpecialistRef } from "../../specialists/index.js";
import { announceScheduleUpdate } from "../domain/schedule/announce-schedule-update.js";
import { updateScheduleOverride } from "../domain/schedule/update-schedule-override.js";
import { ScheduleOverrideRef } from "../types/schedule-override.type.js";
import { UpdateScheduleOverrideInput } from "../types/schedule-override-input.js";

builder.mutationField("updateScheduleOverride", (t) =>
  t.field({
    type: ScheduleOverrideRef,
    authScopes: { orgRole: staffRoles },
    errors: { types: [NotFoundError, ForbiddenError] },
    args: {
      id: t.arg.globalID({ for: ScheduleOverrideRef }),
      specialistId: t.arg.globalID({ for: SpecialistRef, required: false }),
      input: t.arg({ type: UpdateScheduleOverrideInput }),
    },
    resolve: async (_root, { id, specialistId, input }, ctx) => {
      const override = await audited(ctx, (tx, actor) =>
        updateScheduleOverride(tx, actor, id.id, { ...input, specialistId: specialistId?.id }),
      );
      await announceScheduleUpdate(ctx, override.specialistId, override.date);
      return override;
    },
  }),
);
