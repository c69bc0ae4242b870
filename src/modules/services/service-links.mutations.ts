import { z } from "zod";
import { NotFoundError, ValidationError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { audited } from "../../operation/audited.js";
import { SpecialistRef } from "../specialists/specialist.type.js";
import { assertAllExist, assertDistinct, findService } from "./catalog-lookups.js";
import { catalogRoles } from "./roles.js";
import { ServiceRef } from "./service.type.js";

const atMost100 = z.array(z.unknown()).max(100, { message: "must list at most 100 ids" });

const SetServiceSpecialistsInput = builder.inputType("SetServiceSpecialistsInput", {
  fields: (t) => ({
    serviceId: t.globalID({ for: ServiceRef }),
    specialistIds: t.globalIDList({ for: SpecialistRef, validate: atMost100, description: "The whole new set." }),
  }),
});

const SetServiceAddOnsInput = builder.inputType("SetServiceAddOnsInput", {
  fields: (t) => ({
    serviceId: t.globalID({ for: ServiceRef }),
    addOnServiceIds: t.globalIDList({ for: ServiceRef, validate: atMost100, description: "The whole new set." }),
  }),
});

builder.mutationField("setServiceSpecialists", (t) =>
  t.field({
    type: ServiceRef,
    description: "Replaces who can deliver a service.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: SetServiceSpecialistsInput }) },
    resolve: (_root, { input }, ctx) => {
      const specialistIds = input.specialistIds.map((g) => g.id);
      assertDistinct(specialistIds, ["input", "specialistIds"]);
      return audited(ctx, async (tx) => {
        const service = await findService(tx, input.serviceId.id);
        await assertAllExist(specialistIds, "Specialist", (ids) =>
          tx.specialist.findMany({ where: { id: { in: ids } }, select: { id: true } }),
        );
        const before = await tx.serviceSpecialist.findMany({ where: { serviceId: service.id } });
        await tx.serviceSpecialist.deleteMany({
          where: { serviceId: service.id, specialistId: { notIn: specialistIds } },
        });
        await tx.serviceSpecialist.createMany({
          data: specialistIds.map((specialistId) => ({
            organizationId: service.organizationId,
            serviceId: service.id,
            specialistId,
          })),
          skipDuplicates: true,
        });
        return {
          value: service,
          audit: {
            action: "service.set_specialists",
            entityType: "Service",
            entityId: service.id,
            before: { specialistIds: before.map((link) => link.specialistId).sort() },
            after: { specialistIds: [...specialistIds].sort() },
          },
        };
      });
    },
  }),
);

builder.mutationField("setServiceAddOns", (t) =>
  t.field({
    type: ServiceRef,
    description: "Replaces the services that can be added to a booking of this one.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: SetServiceAddOnsInput }) },
    resolve: (_root, { input }, ctx) => {
      const addOnIds = input.addOnServiceIds.map((g) => g.id);
      assertDistinct(addOnIds, ["input", "addOnServiceIds"]);
      const itself = addOnIds.indexOf(input.serviceId.id);
      if (itself >= 0)
        throw ValidationError.fromIssues([
          { path: ["input", "addOnServiceIds", itself], message: "a service cannot be its own add-on" },
        ]);
      return audited(ctx, async (tx) => {
        const service = await findService(tx, input.serviceId.id);
        await assertAllExist(addOnIds, "Service", (ids) =>
          tx.service.findMany({ where: { id: { in: ids } }, select: { id: true } }),
        );
        const before = await tx.serviceAddOn.findMany({ where: { serviceId: service.id } });
        await tx.serviceAddOn.deleteMany({ where: { serviceId: service.id, addOnServiceId: { notIn: addOnIds } } });
        await tx.serviceAddOn.createMany({
          data: addOnIds.map((addOnServiceId) => ({
            organizationId: service.organizationId,
            serviceId: service.id,
            addOnServiceId,
          })),
          skipDuplicates: true,
        });
        return {
          value: service,
          audit: {
            action: "service.set_add_ons",
            entityType: "Service",
            entityId: service.id,
            before: { addOnServiceIds: before.map((link) => link.addOnServiceId).sort() },
            after: { addOnServiceIds: [...addOnIds].sort() },
          },
        };
      });
    },
  }),
);
