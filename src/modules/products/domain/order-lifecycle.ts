import type { ProductOrderStatus } from "../../../generated/prisma/enums.js";
import { MAX_MINOR_UNITS } from "../../../validation.js";

/** Where an order may go from each status; `cancelled` and `refunded` are final. */
export const allowedTransitions: Record<ProductOrderStatus, readonly ProductOrderStatus[]> = {
  pending: ["paid", "cancelled"],
  paid: ["fulfilled", "refunded"],
  fulfilled: ["refunded"],
  cancelled: [],
  refunded: [],
};

export function mayTransition(from: ProductOrderStatus, to: ProductOrderStatus): boolean {
  return allowedTransitions[from].includes(to);
}

/** The timestamp column a status sets when an order enters it. */
export const reachedAt = {
  paid: "paidAt",
  fulfilled: "fulfilledAt",
  cancelled: "cancelledAt",
  refunded: "refundedAt",
} as const satisfies Partial<Record<ProductOrderStatus, string>>;

/** An order's total in minor units, or null when it would exceed what the API can hold. */
export function orderTotal(unitPrice: number, quantity: number): number | null {
  const total = unitPrice * quantity;
  return total > MAX_MINOR_UNITS ? null : total;
}
