import type { Prisma } from "../../../db/prisma.js";
import { ConflictError, NotFoundError, ValidationError } from "../../../errors.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { MAX_MINOR_UNITS } from "../../../validation.js";
import { findPatient } from "../../services/index.js";
import { orderTotal } from "./order-lifecycle.js";

export interface CreatePatientProductOrder {
  patientId: string;
  productId: string;
  quantity: number;
  note?: string | null;
}

/** Places a pending order of an active product for a patient, at the product's current price. */
export async function createPatientProductOrder(
  tx: Prisma.TransactionClient,
  _actor: Actor,
  input: CreatePatientProductOrder,
) {
  const patient = await findPatient(tx, input.patientId);
  const product = await tx.product.findUnique({ where: { id: input.productId } });
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
  } satisfies Audited<typeof order>;
}
