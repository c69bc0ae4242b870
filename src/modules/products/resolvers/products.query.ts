import { z } from "zod";
import { builder } from "../../../graphql/builder.js";
import { readerRoles, visibleToViewer } from "../../services/index.js";
import { ProductRef } from "../types/product.type.js";
import { ProductKindEnum } from "../types/product-kind.enum.js";

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

builder.queryField("products", (t) =>
  t.prismaConnection({
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
);
