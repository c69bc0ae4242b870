import { ValidationError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { memberRoles } from "../../../identity/roles.js";
import { PatientRef } from "../../patients/index.js";
import { ServiceRef } from "../../services/index.js";
import { SpecialistRef } from "../../specialists/index.js";
import { agendaWhere } from "../domain/agenda/agenda-filter.js";
import { AppointmentRef } from "../types/appointment.type.js";
import { AppointmentStatusEnum } from "../types/appointment-status.enum.js";

builder.queryField("agenda", (t) =>
  t.prismaConnection({
    type: AppointmentRef,
    cursor: "id",
    defaultSize: 100,
    maxSize: 500,
    description:
      "The organization's appointments starting in [from, to) (at most 62 days), across specialists, by start time, 100 a page by default and at most 500. A patient sees only their own.",
    authScopes: { orgRole: memberRoles },
    errors: { types: [ValidationError] },
    args: {
      from: t.arg({ type: "DateTime" }),
      to: t.arg({ type: "DateTime" }),
      specialistIds: t.arg.globalIDList({ for: SpecialistRef, required: false }),
      serviceIds: t.arg.globalIDList({ for: ServiceRef, required: false }),
      statuses: t.arg({ type: [AppointmentStatusEnum], required: false }),
      patientId: t.arg.globalID({ for: PatientRef, required: false }),
    },
    resolve: (query, _root, args, { db }) =>
      db.appointment.findMany({
        ...query,
        where: agendaWhere({
          from: args.from,
          to: args.to,
          specialistIds: args.specialistIds?.map((id) => id.id),
          serviceIds: args.serviceIds?.map((id) => id.id),
          statuses: args.statuses,
          patientId: args.patientId?.id,
        }),
        orderBy: [{ startAt: "asc" }, { id: "asc" }],
      }),
  }),
);
