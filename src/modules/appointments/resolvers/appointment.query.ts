import { builder } from "../../../graphql/builder.js";
import { memberRoles } from "../../../identity/roles.js";
import { AppointmentRef } from "../types/appointment.type.js";

builder.queryField("appointment", (t) =>
  t.prismaField({
    type: AppointmentRef,
    nullable: true,
    description: "An appointment of the active organization (a patient: only their own); null for any other id.",
    authScopes: { orgRole: memberRoles },
    args: { id: t.arg.globalID({ for: AppointmentRef }) },
    resolve: (query, _root, { id }, { db }) => db.appointment.findUnique({ ...query, where: { id: id.id } }),
  }),
);
