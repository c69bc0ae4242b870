import { ForbiddenError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { staffRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { SpecialistRef } from "../../specialists/index.js";
import { announceScheduleUpdate } from "../domain/schedule/announce-schedule-update.js";
import { deleteScheduleOverride } from "../domain/schedule/delete-schedule-override.js";
import { ScheduleOverrideRef } from "../types/schedule-override.type.js";

builder.mutationField("deleteScheduleOverride", (t) =>
  t.field({
    type: ScheduleOverrideRef,
    description: "The date follows the weekly hours again.",
    authScopes: { orgRole: staffRoles },
    errors: { types: [NotFoundError, ForbiddenError] },
    args: {
      id: t.arg.globalID({ for: ScheduleOverrideRef }),
      specialistId: t.arg.globalID({ for: SpecialistRef, required: false }),
    },
    resolve: async (_root, { id, specialistId }, ctx) => {
      const override = await audited(ctx, (tx, actor) => deleteScheduleOverride(tx, actor, id.id, specialistId?.id));
      await announceScheduleUpdate(ctx, override.specialistId, override.date);
      return override;
    },
  }),
);
