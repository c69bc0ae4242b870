import { builder } from "../../graphql/builder.js";
import { PatientRef } from "../patients/patient.type.js";
import { ProductOrderStatusEnum } from "./enums.js";
import { PatientProductOrderRef } from "./patient-product-order.type.js";
import { readerRoles } from "./roles.js";

const PatientProductOrderFilter = builder.inputType("PatientProductOrderFilter", {
  fields: (t) => ({
    patientId: t.globalID({ for: PatientRef, required: false }),
    status: t.field({ type: ProductOrderStatusEnum, required: false }),
  }),
});

builder.queryFields((t) => ({
  patientProductOrders: t.prismaConnection({
    type: PatientProductOrderRef,
    cursor: "id",
    description: "Product orders, newest first. A patient sees only their own.",
    authScopes: { orgRole: readerRoles },
    args: { filter: t.arg({ type: PatientProductOrderFilter, required: false }) },
    resolve: (query, _root, { filter }, ctx) =>
      ctx.db.patientProductOrder.findMany({
        ...query,
        where: { patientId: filter?.patientId?.id, status: filter?.status ?? undefined },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
  }),
  patientProductOrder: t.prismaField({
    type: PatientProductOrderRef,
    nullable: true,
    description: "One order; null for an unknown id, another organization's, or (for a patient) someone else's.",
    authScopes: { orgRole: readerRoles },
    args: { id: t.arg.globalID({ for: PatientProductOrderRef }) },
    resolve: (query, _root, { id }, ctx) => ctx.db.patientProductOrder.findUnique({ ...query, where: { id: id.id } }),
  }),
}));
