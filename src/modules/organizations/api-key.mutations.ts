import { encodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";
import { NotFoundError } from "../../errors.js";
import { emitEvent } from "../../events/index.js";
import { builder } from "../../graphql/builder.js";
import { generateApiKey } from "../../identity/api-keys.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { name } from "../../validation.js";
import { activeOrganization, assertInActiveOrganization } from "./active-organization.js";
import { ApiKeyRef } from "./api-key.type.js";
import { MemberRoleEnum } from "./member-role.enum.js";
import { OrganizationRef } from "./organization.type.js";

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

interface CreatedApiKey {
  apiKey: { id: string };
  key: string;
}

const CreatedApiKeyRef = builder.objectRef<CreatedApiKey>("CreatedApiKey").implement({
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, resolve: (created) => created.apiKey as never }),
    key: t.exposeString("key", { description: "The key itself. Shown this once: store it now." }),
  }),
});

builder.mutationField("createApiKey", (t) =>
  t.field({
    type: CreatedApiKeyRef,
    description: "Creates an API key for server-to-server calls (`Authorization: Bearer <key>` or `X-API-Key`).",
    authScopes: { $all: { signedIn: true, orgRole: managerRoles } },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: CreateApiKeyInput }) },
    resolve: (_root, { input }, ctx) => {
      const organizationId = activeOrganization(ctx, input.organizationId.id);
      const { key, prefix, hash } = generateApiKey();
      return audited(ctx, async (tx) => {
        const apiKey = await tx.apiKey.create({
          data: {
            organizationId,
            name: input.name,
            role: input.role,
            prefix,
            hash,
            createdById: ctx.scope.userId,
            expiresAt: input.expiresAt ?? null,
          },
        });
        await emitEvent(tx, organizationId, "api_key.created", {
          apiKeyId: encodeGlobalID("ApiKey", apiKey.id),
          name: apiKey.name,
          prefix: apiKey.prefix,
          role: apiKey.role,
          expiresAt: apiKey.expiresAt?.toISOString() ?? null,
        });
        return {
          value: { apiKey, key },
          audit: { action: "api_key.create", entityType: "ApiKey", entityId: apiKey.id, after: apiKey },
        };
      });
    },
  }),
);

builder.mutationField("revokeApiKey", (t) =>
  t.field({
    type: ApiKeyRef,
    description: "Revokes a key: the next request made with it is refused.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError] },
    args: {
      id: t.arg.globalID({ for: ApiKeyRef }),
      organizationId: t.arg.globalID({ for: OrganizationRef, required: false }),
    },
    resolve: (_root, { id, organizationId }, ctx) =>
      audited(ctx, async (tx) => {
        assertInActiveOrganization(ctx, organizationId);
        const before = await tx.apiKey.findUnique({ where: { id: id.id } });
        if (!before) throw new NotFoundError("ApiKey");
        const revokedAt = new Date();
        const after = before.revokedAt
          ? before
          : await tx.apiKey.update({ where: { id: before.id }, data: { revokedAt } });
        if (!before.revokedAt) {
          await emitEvent(tx, after.organizationId, "api_key.revoked", {
            apiKeyId: encodeGlobalID("ApiKey", after.id),
            name: after.name,
            prefix: after.prefix,
            revokedAt: revokedAt.toISOString(),
          });
        }
        return {
          value: after,
          audit: { action: "api_key.revoke", entityType: "ApiKey", entityId: after.id, before, after },
        };
      }),
  }),
);
