import { builder } from "../../../graphql/builder.js";
import { allowedTransitions } from "../domain/order-lifecycle.js";
import { ProductOrderStatusEnum } from "./product-order-status.enum.js";

export const PatientProductOrderRef = builder.prismaNode("PatientProductOrder", {
  nullable: true,
  id: { field: "id" },
  description:
    "A standalone sale of a product to a patient. Prices are the product's when ordered; totals are computed by the server.",
  fields: (t) => ({
    patient: t.relation("patient"),
    product: t.relation("product"),
    quantity: t.exposeInt("quantity"),
    unitPrice: t.exposeInt("unitPrice", { description: "Integer minor units of `currency`." }),
    total: t.exposeInt("total", { description: "`unitPrice` × `quantity`, integer minor units." }),
    currency: t.exposeString("currency"),
    status: t.expose("status", { type: ProductOrderStatusEnum }),
    nextStatuses: t.field({
      type: [ProductOrderStatusEnum],
      description: "Where the order may go from here.",
      resolve: (order) => [...allowedTransitions[order.status]],
    }),
    note: t.exposeString("note", { nullable: true }),
    paidAt: t.expose("paidAt", { type: "DateTime", nullable: true }),
    fulfilledAt: t.expose("fulfilledAt", { type: "DateTime", nullable: true }),
    cancelledAt: t.expose("cancelledAt", { type: "DateTime", nullable: true }),
    refundedAt: t.expose("refundedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});
