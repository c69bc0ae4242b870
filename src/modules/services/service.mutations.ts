import { isUniqueViolation } from "../../db/errors.js";
import { ConflictError, NotFoundError, ValidationError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { audited } from "../../operation/audited.js";
import { type Pricing, priceProblem, pricingColumns } from "./pricing.js";
import { catalogRoles } from "./roles.js";
import { ServiceRef } from "./service.type.js";
import { CreateServiceInput, UpdateServiceInput } from "./service-input.js";

/** A price too large to return is refused before anything is written. */
function assertPriceFits(pricing: Pricing, minutes: number) {
  const problem = priceProblem(pricing, minutes);
  if (problem) throw ValidationError.fromIssues([{ path: ["pricing"], message: problem }], ["input"]);
}

const nameTaken = (error: unknown, name: string | null | undefined) =>
  isUniqueViolation(error) ? new ConflictError(`A service named "${name}" already exists`) : error;

builder.mutationField("createService", (t) =>
  t.field({
    type: ServiceRef,
    description: "Adds a service to the catalog.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [ConflictError] },
    args: { input: t.arg({ type: CreateServiceInput }) },
    resolve: async (_root, { input }, ctx) => {
      const pricing = pricingColumns(input.pricing);
      assertPriceFits(pricing, input.durationMinutes);
      try {
        return await audited(ctx, async (tx) => {
          const service = await tx.service.create({
            data: {
              organizationId: ctx.scope.organizationId as string,
              name: input.name,
              description: input.description ?? null,
              durationMinutes: input.durationMinutes,
              deliveryMode: input.deliveryMode,
              requiresPlanSession: input.requiresPlanSession ?? false,
              active: input.active ?? true,
              ...pricing,
            },
          });
          return {
            value: service,
            audit: { action: "service.create", entityType: "Service", entityId: service.id, after: service },
          };
        });
      } catch (error) {
        throw nameTaken(error, input.name);
      }
    },
  }),
);

builder.mutationField("updateService", (t) =>
  t.field({
    type: ServiceRef,
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: ServiceRef }), input: t.arg({ type: UpdateServiceInput }) },
    resolve: async (_root, { id, input }, ctx) => {
      try {
        return await audited(ctx, async (tx) => {
          const before = await tx.service.findUnique({ where: { id: id.id } });
          if (!before) throw new NotFoundError("Service");
          const pricing = input.pricing ? pricingColumns(input.pricing) : null;
          assertPriceFits(pricing ?? before, input.durationMinutes ?? before.durationMinutes);
          const after = await tx.service.update({
            where: { id: before.id },
            data: {
              name: input.name ?? undefined,
              description: input.description,
              durationMinutes: input.durationMinutes ?? undefined,
              deliveryMode: input.deliveryMode ?? undefined,
              requiresPlanSession: input.requiresPlanSession ?? undefined,
              active: input.active ?? undefined,
              ...pricing,
            },
          });
          return {
            value: after,
            audit: { action: "service.update", entityType: "Service", entityId: after.id, before, after },
          };
        });
      } catch (error) {
        throw nameTaken(error, input.name);
      }
    },
  }),
);
