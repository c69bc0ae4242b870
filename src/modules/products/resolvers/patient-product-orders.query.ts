import { builder } from "../../../graphql/builder.js";
import { PatientRef } from "../../patients/patient.type.js";
import { readerRoles } from "../../services/index.js";
import { PatientProductOrderRef } from "../types/patient-product-order.type.js";
import { ProductOrderStatusEnum } from "../types/product-order-status.enum.js";

const PatientProductOrderFilter = builder.inputType("PatientProductOrderFilter", {
  fields: (t) => ({
    patientId: t.globalID({ for: PatientRef, required: false }),
    status: t.field({ type: ProductOrderStatusEnum, required: false }),
  }),
});

builder.queryField("patientProductOrders", (t) =>
  t.prismaConnection({
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
);
