import { z } from "zod";
import { builder } from "../../../graphql/builder.js";
import { SpecialistRef } from "../../specialists/index.js";
import { readerRoles, visibleToViewer } from "../roles.js";
import { DeliveryModeEnum } from "../types/delivery-mode.enum.js";
import { ServiceRef } from "../types/service.type.js";

const ServiceFilter = builder.inputType("ServiceFilter", {
  fields: (t) => ({
    active: t.boolean({ required: false, description: "Patients only ever see active services." }),
    deliveryMode: t.field({ type: DeliveryModeEnum, required: false }),
    search: t.string({
      required: false,
      description: "Case-insensitive part of the name.",
      validate: z.string().trim().min(1).max(100),
    }),
    specialistId: t.globalID({
      for: SpecialistRef,
      required: false,
      description: "Services this specialist delivers.",
    }),
  }),
});

builder.queryField("services", (t) =>
  t.prismaConnection({
    type: ServiceRef,
    cursor: "id",
    description: "The active organization's services, by name.",
    authScopes: { orgRole: readerRoles },
    args: { filter: t.arg({ type: ServiceFilter, required: false }) },
    resolve: (query, _root, { filter }, ctx) =>
      ctx.db.service.findMany({
        ...query,
        where: {
          active: filter?.active ?? undefined,
          deliveryMode: filter?.deliveryMode ?? undefined,
          name: filter?.search ? { contains: filter.search, mode: "insensitive" } : undefined,
          specialists: filter?.specialistId ? { some: { specialistId: filter.specialistId.id } } : undefined,
          ...visibleToViewer(ctx),
        },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
  }),
);
