import type { Prisma } from "../../../db/prisma.js";
import { ConflictError, NotFoundError } from "../../../errors.js";
import type { ProductOrderStatus } from "../../../generated/prisma/enums.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { allowedTransitions, mayTransition, reachedAt } from "./order-lifecycle.js";

export interface UpdatePatientProductOrderStatus {
  status: ProductOrderStatus;
}

/**
 * Moves an order along its lifecycle (`order-lifecycle.ts`); a move it does not allow is a
 * conflict that says which moves it does.
 */
export async function updatePatientProductOrderStatus(
  tx: Prisma.TransactionClient,
  _actor: Actor,
  id: string,
  { status }: UpdatePatientProductOrderStatus,
) {
  const before = await tx.patientProductOrder.findUnique({ where: { id } });
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
  } satisfies Audited<typeof after>;
}
