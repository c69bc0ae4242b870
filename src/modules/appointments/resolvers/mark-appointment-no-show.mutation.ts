import { InvalidTransitionError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { staffRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { markAppointmentNoShow } from "../domain/lifecycle/mark-appointment-no-show.js";
import { AppointmentRef } from "../types/appointment.type.js";

builder.mutationField("markAppointmentNoShow", (t) =>
  t.field({
    type: AppointmentRef,
    description:
      "booked/upcoming → no_show, once the start has passed (it also happens by itself after the end). Staff.",
    authScopes: { orgRole: staffRoles },
    errors: { types: [NotFoundError, InvalidTransitionError] },
    args: { id: t.arg.globalID({ for: AppointmentRef }) },
    resolve: (_root, { id }, ctx) => audited(ctx, (tx, actor) => markAppointmentNoShow(tx, actor, { id: id.id })),
  }),
);
