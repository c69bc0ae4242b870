import { z } from "zod";
import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { PatientRef } from "../../patients/patient.type.js";
import { catalogRoles } from "../../services/index.js";
import { createPatientProductOrder } from "../domain/create-patient-product-order.js";
import { PatientProductOrderRef } from "../types/patient-product-order.type.js";
import { ProductRef } from "../types/product.type.js";

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
      audited(ctx, (tx, actor) =>
        createPatientProductOrder(tx, actor, {
          patientId: input.patientId.id,
          productId: input.productId.id,
          quantity: input.quantity,
          note: input.note,
        }),
      ),
  }),
);
