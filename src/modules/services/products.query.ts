import { z } from "zod";
import { builder } from "../../graphql/builder.js";
import { ProductKindEnum } from "./enums.js";
import { ProductRef } from "./product.type.js";
import { readerRoles, visibleToViewer } from "./roles.js";

const ProductFilter = builder.inputType("ProductFilter", {
  fields: (t) => ({
    active: t.boolean({ required: false, description: "Patients only ever see active products." }),
    kind: t.field({ type: ProductKindEnum, required: false }),
    search: t.string({
      required: false,
      description: "Case-insensitive part of the name.",
      validate: z.string().trim().min(1).max(100),
    }),
  }),
});

builder.queryFields((t) => ({
  products: t.prismaConnection({
    type: ProductRef,
    cursor: "id",
    description: "The active organization's products, by name.",
    authScopes: { orgRole: readerRoles },
    args: { filter: t.arg({ type: ProductFilter, required: false }) },
    resolve: (query, _root, { filter }, ctx) =>
      ctx.db.product.findMany({
        ...query,
        where: {
          active: filter?.active ?? undefined,
          kind: filter?.kind ?? undefined,
          name: filter?.search ? { contains: filter.search, mode: "insensitive" } : undefined,
          ...visibleToViewer(ctx),
        },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
  }),
  product: t.prismaField({
    type: ProductRef,
    nullable: true,
    description: "One product; null for an unknown id or another organization's.",
    authScopes: { orgRole: readerRoles },
    args: { id: t.arg.globalID({ for: ProductRef }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.db.product.findFirst({ ...query, where: { id: id.id, ...visibleToViewer(ctx) } }),
  }),
}));
