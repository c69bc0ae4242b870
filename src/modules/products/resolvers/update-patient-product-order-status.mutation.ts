import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { catalogRoles } from "../../services/index.js";
import { updatePatientProductOrderStatus } from "../domain/update-patient-product-order-status.js";
import { PatientProductOrderRef } from "../types/patient-product-order.type.js";
import { ProductOrderStatusEnum } from "../types/product-order-status.enum.js";

builder.mutationField("updatePatientProductOrderStatus", (t) =>
  t.field({
    type: PatientProductOrderRef,
    description:
      "Moves an order along its lifecycle: pending → paid or cancelled; paid → fulfilled or refunded; fulfilled → refunded.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: PatientProductOrderRef }), status: t.arg({ type: ProductOrderStatusEnum }) },
    resolve: (_root, { id, status }, ctx) =>
      audited(ctx, (tx, actor) => updatePatientProductOrderStatus(tx, actor, id.id, { status })),
  }),
);
