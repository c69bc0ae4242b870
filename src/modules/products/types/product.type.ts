import { builder } from "../../../graphql/builder.js";
import { ProductKindEnum } from "./product-kind.enum.js";

export const ProductRef = builder.prismaNode("Product", {
  nullable: true,
  id: { field: "id" },
  description: "Something the organization sells: a physical item or a digital good.",
  fields: (t) => ({
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    kind: t.expose("kind", { type: ProductKindEnum }),
    sku: t.exposeString("sku", { nullable: true }),
    price: t.exposeInt("price", { description: "Integer minor units of `currency`." }),
    currency: t.exposeString("currency", { description: "ISO 4217." }),
    active: t.exposeBoolean("active", { description: "Inactive products are hidden from patients and not sold." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});
