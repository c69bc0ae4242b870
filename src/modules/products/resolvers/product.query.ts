import { builder } from "../../../graphql/builder.js";
import { readerRoles, visibleToViewer } from "../../services/index.js";
import { ProductRef } from "../types/product.type.js";

builder.queryField("product", (t) =>
  t.prismaField({
    type: ProductRef,
    nullable: true,
    description: "One product; null for an unknown id or another organization's.",
    authScopes: { orgRole: readerRoles },
    args: { id: t.arg.globalID({ for: ProductRef }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.db.product.findFirst({ ...query, where: { id: id.id, ...visibleToViewer(ctx) } }),
  }),
);
