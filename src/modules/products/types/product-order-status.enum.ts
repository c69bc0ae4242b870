import { builder } from "../../../graphql/builder.js";

export const ProductOrderStatusEnum = builder.enumType("ProductOrderStatus", {
  values: ["pending", "paid", "fulfilled", "cancelled", "refunded"] as const,
});
