import { prismaConnectionHelpers } from "@pothos/plugin-prisma";
import { builder } from "../../../graphql/builder.js";
import { SpecialistRef } from "../../specialists/index.js";
import { type Pricing, priceFor } from "../domain/pricing.js";
import { BillingModelEnum } from "./billing-model.enum.js";
import { DeliveryModeEnum } from "./delivery-mode.enum.js";

export const ServicePricingRef = builder.objectRef<Pricing>("ServicePricing").implement({
  description: "How a service is priced. Amounts are integer minor units of `currency` (ISO 4217).",
  fields: (t) => ({
    billingModel: t.expose("billingModel", { type: BillingModelEnum }),
    currency: t.exposeString("currency"),
    pricePerSession: t.exposeInt("pricePerSession", { nullable: true, description: "session_based only." }),
    basePrice: t.exposeInt("basePrice", { nullable: true, description: "hybrid only." }),
    pricePerUnit: t.exposeInt("pricePerUnit", { nullable: true, description: "time_based and hybrid." }),
    unitMinutes: t.exposeInt("unitMinutes", { nullable: true, description: "time_based and hybrid." }),
  }),
});

const specialistLinks = prismaConnectionHelpers(builder, "ServiceSpecialist", {
  cursor: "serviceId_specialistId",
  query: { orderBy: { specialistId: "asc" } },
  select: (nodeSelection) => ({ specialist: nodeSelection({}) }),
  resolveNode: (link) => link.specialist,
});

const addOnLinks = prismaConnectionHelpers(builder, "ServiceAddOn", {
  cursor: "serviceId_addOnServiceId",
  // Patients see active add-ons only, as they see active services only.
  query: (_args, ctx) => ({
    where: ctx.scope.role === "patient" ? { addOn: { active: true } } : {},
    orderBy: { addOnServiceId: "asc" as const },
  }),
  select: (nodeSelection) => ({ addOn: nodeSelection({}) }),
  resolveNode: (link) => link.addOn,
});

export const ServiceRef = builder.prismaNode("Service", {
  nullable: true,
  id: { field: "id" },
  description: "Something the organization offers: a procedure, a therapy, a consultation.",
  fields: (t) => ({
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    durationMinutes: t.exposeInt("durationMinutes"),
    deliveryMode: t.expose("deliveryMode", { type: DeliveryModeEnum }),
    pricing: t.field({ type: ServicePricingRef, resolve: (service) => service }),
    listPrice: t.int({
      description: "The price of one booking of `durationMinutes`, in minor units of `pricing.currency`.",
      resolve: (service) => priceFor(service, service.durationMinutes),
    }),
    requiresPlanSession: t.exposeBoolean("requiresPlanSession", {
      description: "Booking it uses a session of the patient's service plan (refused when none is left).",
    }),
    active: t.exposeBoolean("active", { description: "Inactive services are hidden from patients and not bookable." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    specialists: t.connection({
      type: SpecialistRef,
      description: "Who can deliver this service.",
      select: (args, ctx, nestedSelection) => ({ specialists: specialistLinks.getQuery(args, ctx, nestedSelection) }),
      resolve: (service, args, ctx) => specialistLinks.resolve(service.specialists, args, ctx),
    }),
    attachments: t.relatedConnection("attachments", {
      cursor: "id",
      description: "Its files, oldest first; pending uploads (not yet confirmed) are left out.",
      query: { where: { uploadedAt: { not: null } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    }),
  }),
});

builder.prismaObjectField(ServiceRef, "addOns", (t) =>
  t.connection({
    type: ServiceRef,
    description: "Services that can be added to a booking of this one.",
    select: (args, ctx, nestedSelection) => ({ addOns: addOnLinks.getQuery(args, ctx, nestedSelection) }),
    resolve: (service, args, ctx) => addOnLinks.resolve(service.addOns, args, ctx),
  }),
);
