import { InvalidTransitionError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { memberRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { confirmAppointment } from "../domain/lifecycle/confirm-appointment.js";
import { AppointmentRef } from "../types/appointment.type.js";

builder.mutationField("confirmAppointment", (t) =>
  t.field({
    type: AppointmentRef,
    description:
      "booked → upcoming (it also happens by itself when the reminder window opens). Staff, or the appointment's patient.",
    authScopes: { orgRole: memberRoles },
    errors: { types: [NotFoundError, InvalidTransitionError] },
    args: { id: t.arg.globalID({ for: AppointmentRef }) },
    resolve: (_root, { id }, ctx) => audited(ctx, (tx, actor) => confirmAppointment(tx, actor, { id: id.id })),
  }),
);
