import { z } from "zod";
import { ConflictError, NotFoundError, ValidationError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { audited } from "../../operation/audited.js";
import { MAX_MINOR_UNITS } from "../../validation.js";
import { PatientRef } from "../patients/patient.type.js";
import { findPatient } from "./catalog-lookups.js";
import { ProductOrderStatusEnum } from "./enums.js";
import { allowedTransitions, mayTransition, orderTotal, reachedAt } from "./order-lifecycle.js";
import { PatientProductOrderRef } from "./patient-product-order.type.js";
import { ProductRef } from "./product.type.js";
import { catalogRoles } from "./roles.js";

const CreatePatientProductOrderInput = builder.inputType("CreatePatientProductOrderInput", {
  fields: (t) => ({
    patientId: t.globalID({ for: PatientRef }),
    productId: t.globalID({ for: ProductRef }),
    quantity: t.int({ validate: z.number().int().min(1, { message: "must be at least 1" }).max(1000) }),
    note: t.string({ required: false, validate: z.string().trim().max(1000) }),
  }),
});

builder.mutationField("createPatientProductOrder", (t) =>
  t.field({
    type: PatientProductOrderRef,
    description: "Places a pending order of an active product for a patient, at the product's current price.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { input: t.arg({ type: CreatePatientProductOrderInput }) },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, async (tx) => {
        const patient = await findPatient(tx, input.patientId.id);
        const product = await tx.product.findUnique({ where: { id: input.productId.id } });
        if (!product) throw new NotFoundError("Product");
        if (!product.active) throw new ConflictError("The product is not for sale (inactive)");
        const total = orderTotal(product.price, input.quantity);
        if (total === null)
          throw ValidationError.fromIssues([
            { path: ["input", "quantity"], message: `makes the total exceed ${MAX_MINOR_UNITS} minor units` },
          ]);
        const order = await tx.patientProductOrder.create({
          data: {
            organizationId: product.organizationId,
            patientId: patient.id,
            productId: product.id,
            quantity: input.quantity,
            unitPrice: product.price,
            total,
            currency: product.currency,
            note: input.note ?? null,
          },
        });
        return {
          value: order,
          audit: {
            action: "patient_product_order.create",
            entityType: "PatientProductOrder",
            entityId: order.id,
            after: order,
          },
        };
      }),
  }),
);

builder.mutationField("updatePatientProductOrderStatus", (t) =>
  t.field({
    type: PatientProductOrderRef,
    description:
      "Moves an order along its lifecycle: pending → paid or cancelled; paid → fulfilled or refunded; fulfilled → refunded.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: PatientProductOrderRef }), status: t.arg({ type: ProductOrderStatusEnum }) },
    resolve: (_root, { id, status }, ctx) =>
      audited(ctx, async (tx) => {
        const before = await tx.patientProductOrder.findUnique({ where: { id: id.id } });
        if (!before) throw new NotFoundError("PatientProductOrder");
        if (!mayTransition(before.status, status)) {
          const allowed = allowedTransitions[before.status];
          throw new ConflictError(
            `An order that is ${before.status} cannot become ${status}` +
              (allowed.length ? ` (it may become ${allowed.join(" or ")})` : ""),
          );
        }
        // Compare-and-set on the status read above: of two concurrent changes, one wins.
        const { count } = await tx.patientProductOrder.updateMany({
          where: { id: before.id, status: before.status },
          data: { status, [reachedAt[status as keyof typeof reachedAt]]: new Date() },
        });
        if (!count) throw new ConflictError("The order changed meanwhile; read it again");
        const after = await tx.patientProductOrder.findUniqueOrThrow({ where: { id: before.id } });
        return {
          value: after,
          audit: {
            action: "patient_product_order.update_status",
            entityType: "PatientProductOrder",
            entityId: after.id,
            before,
            after,
          },
        };
      }),
  }),
);
