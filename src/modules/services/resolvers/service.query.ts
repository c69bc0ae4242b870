import { builder } from "../../../graphql/builder.js";
import { readerRoles, visibleToViewer } from "../roles.js";
import { ServiceRef } from "../types/service.type.js";

builder.queryField("service", (t) =>
  t.prismaField({
    type: ServiceRef,
    nullable: true,
    description: "One service; null for an unknown id or another organization's.",
    authScopes: { orgRole: readerRoles },
    args: { id: t.arg.globalID({ for: ServiceRef }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.db.service.findFirst({ ...query, where: { id: id.id, ...visibleToViewer(ctx) } }),
  }),
);
