import { z } from "zod";
import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { name } from "../../../validation.js";
import { createApiKey } from "../domain/create-api-key.js";
import { CreatedApiKeyRef } from "../types/created-api-key.type.js";
import { MemberRoleEnum } from "../types/member-role.enum.js";
import { OrganizationRef } from "../types/organization.type.js";

const CreateApiKeyInput = builder.inputType("CreateApiKeyInput", {
  fields: (t) => ({
    organizationId: t.globalID({ for: OrganizationRef }),
    name: t.string({ validate: name }),
    role: t.field({
      type: MemberRoleEnum,
      description: "What the key may do: admin, staff or specialist.",
      validate: z.enum(["admin", "staff", "specialist"], { message: "must be admin, staff or specialist" }),
    }),
    expiresAt: t.field({
      type: "DateTime",
      required: false,
      validate: z.date().refine((d) => d.getTime() > Date.now(), { message: "must be in the future" }),
    }),
  }),
});

builder.mutationField("createApiKey", (t) =>
  t.field({
    type: CreatedApiKeyRef,
    description: "Creates an API key for server-to-server calls (`Authorization: Bearer <key>` or `X-API-Key`).",
    authScopes: { $all: { signedIn: true, orgRole: managerRoles } },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: CreateApiKeyInput }) },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, (tx, actor) => createApiKey(tx, actor, { ...input, organizationId: input.organizationId.id })),
  }),
);
