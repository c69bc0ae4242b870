import { InvalidTransitionError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { staffRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { completeAppointment } from "../domain/lifecycle/complete-appointment.js";
import { AppointmentRef } from "../types/appointment.type.js";

builder.mutationField("completeAppointment", (t) =>
  t.field({
    type: AppointmentRef,
    description: "in_progress → done: the visit took place. Staff.",
    authScopes: { orgRole: staffRoles },
    errors: { types: [NotFoundError, InvalidTransitionError] },
    args: { id: t.arg.globalID({ for: AppointmentRef }) },
    resolve: (_root, { id }, ctx) => audited(ctx, (tx, actor) => completeAppointment(tx, actor, { id: id.id })),
  }),
);
