import type { Prisma } from "../../../db/prisma.js";
import { ValidationError } from "../../../errors.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { assertAllExist, assertDistinct, findService } from "./catalog-lookups.js";

export interface SetServiceSpecialists {
  serviceId: string;
  /** The whole new set. */
  specialistIds: string[];
}

/** Replaces who can deliver a service: specialists of the organization, each once. */
export async function setServiceSpecialists(
  tx: Prisma.TransactionClient,
  _actor: Actor,
  { serviceId, specialistIds }: SetServiceSpecialists,
) {
  assertDistinct(specialistIds, ["input", "specialistIds"]);
  const service = await findService(tx, serviceId);
  await assertAllExist(specialistIds, "Specialist", (ids) =>
    tx.specialist.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  );
  const before = await tx.serviceSpecialist.findMany({ where: { serviceId: service.id } });
  await tx.serviceSpecialist.deleteMany({ where: { serviceId: service.id, specialistId: { notIn: specialistIds } } });
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
  } satisfies Audited<typeof service>;
}

export interface SetServiceAddOns {
  serviceId: string;
  /** The whole new set. */
  addOnServiceIds: string[];
}

/** Replaces the services that can be added to a booking of this one: others of the organization, each once. */
export async function setServiceAddOns(
  tx: Prisma.TransactionClient,
  _actor: Actor,
  { serviceId, addOnServiceIds }: SetServiceAddOns,
) {
  assertDistinct(addOnServiceIds, ["input", "addOnServiceIds"]);
  const itself = addOnServiceIds.indexOf(serviceId);
  if (itself >= 0)
    throw ValidationError.fromIssues([
      { path: ["input", "addOnServiceIds", itself], message: "a service cannot be its own add-on" },
    ]);
  const service = await findService(tx, serviceId);
  await assertAllExist(addOnServiceIds, "Service", (ids) =>
    tx.service.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  );
  const before = await tx.serviceAddOn.findMany({ where: { serviceId: service.id } });
  await tx.serviceAddOn.deleteMany({ where: { serviceId: service.id, addOnServiceId: { notIn: addOnServiceIds } } });
  await tx.serviceAddOn.createMany({
    data: addOnServiceIds.map((addOnServiceId) => ({
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
      after: { addOnServiceIds: [...addOnServiceIds].sort() },
    },
  } satisfies Audited<typeof service>;
}
