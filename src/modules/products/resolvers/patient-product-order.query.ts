import { builder } from "../../../graphql/builder.js";
import { readerRoles } from "../../services/index.js";
import { PatientProductOrderRef } from "../types/patient-product-order.type.js";

builder.queryField("patientProductOrder", (t) =>
  t.prismaField({
    type: PatientProductOrderRef,
    nullable: true,
    description: "One order; null for an unknown id, another organization's, or (for a patient) someone else's.",
    authScopes: { orgRole: readerRoles },
    args: { id: t.arg.globalID({ for: PatientProductOrderRef }) },
    resolve: (query, _root, { id }, ctx) => ctx.db.patientProductOrder.findUnique({ ...query, where: { id: id.id } }),
  }),
);
