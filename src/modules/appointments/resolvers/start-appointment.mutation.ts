import { InvalidTransitionError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { staffRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { startAppointment } from "../domain/lifecycle/start-appointment.js";
import { AppointmentRef } from "../types/appointment.type.js";

builder.mutationField("startAppointment", (t) =>
  t.field({
    type: AppointmentRef,
    description: "booked/upcoming → in_progress: the visit began. Staff.",
    authScopes: { orgRole: staffRoles },
    errors: { types: [NotFoundError, InvalidTransitionError] },
    args: { id: t.arg.globalID({ for: AppointmentRef }) },
    resolve: (_root, { id }, ctx) => audited(ctx, (tx, actor) => startAppointment(tx, actor, { id: id.id })),
  }),
);
