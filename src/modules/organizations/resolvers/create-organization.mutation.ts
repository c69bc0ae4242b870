import { randomUUID } from "node:crypto";
import { ConflictError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { createOrganization } from "../domain/create-organization.js";
import { OrganizationRef } from "../types/organization.type.js";
import { CreateOrganizationInput } from "../types/organization-input.js";

builder.mutationField("createOrganization", (t) =>
  t.field({
    type: OrganizationRef,
    description: "Creates an organization; you become its owner and it becomes your active organization.",
    authScopes: { signedIn: true },
    errors: { types: [ConflictError] },
    args: { input: t.arg({ type: CreateOrganizationInput }) },
    // Row-level security lets an organization be written only as the active one: scope to the new id.
    resolve: (_root, { input }, ctx) =>
      audited(ctx, (tx, actor) => createOrganization(tx, actor, input), {
        organizationId: randomUUID(),
        role: "owner",
      }),
  }),
);
