import { z } from "zod";
import type { Prisma } from "../../db/prisma.js";
import { NotFoundError, ValidationError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { activeOrganization } from "./active-organization.js";
import { IntegrationProviderEnum, IntegrationRef, type integrationProviders } from "./integration.type.js";
import { encryptSecrets, secretHints } from "./integration-secrets.js";
import { OrganizationRef } from "./organization.type.js";

const secret = z.string().min(8, { message: "is too short to be a credential" }).max(500);

/** What each provider needs: its non-secret settings and its secrets. */
const providerSchemas: Record<(typeof integrationProviders)[number], { config: z.ZodType; secrets: z.ZodType }> = {
  daily: {
    config: z.object({ domain: z.string().min(1).max(100).optional(), apiUrl: z.url().optional() }).strict(),
    secrets: z.object({ apiKey: secret }).strict(),
  },
  s3: {
    config: z
      .object({
        bucket: z.string().min(3).max(63),
        region: z.string().min(1).max(40),
        endpoint: z.url().optional(),
        forcePathStyle: z.boolean().optional(),
      })
      .strict(),
    secrets: z.object({ accessKeyId: secret, secretAccessKey: secret }).strict(),
  },
};

const UpsertIntegrationInput = builder.inputType("UpsertIntegrationInput", {
  fields: (t) => ({
    organizationId: t.globalID({ for: OrganizationRef }),
    provider: t.field({ type: IntegrationProviderEnum }),
    config: t.field({ type: "JSON", required: false, description: "Non-secret settings; replaces the stored ones." }),
    secrets: t.field({
      type: "JSON",
      required: false,
      description: "Secrets (e.g. Daily.co `apiKey`). Encrypted at rest, never returned. Omit to keep the stored ones.",
    }),
  }),
});

function check(schema: z.ZodType, value: unknown, field: string) {
  const result = schema.safeParse(value);
  if (!result.success) throw ValidationError.fromIssues(result.error.issues, ["input", field]);
  return result.data as Record<string, string>;
}

builder.mutationField("upsertIntegration", (t) =>
  t.field({
    type: IntegrationRef,
    description: "Creates or replaces the organization's credentials for a provider.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: UpsertIntegrationInput }) },
    resolve: (_root, { input }, ctx) => {
      const organizationId = activeOrganization(ctx, input.organizationId.id);
      const schemas = providerSchemas[input.provider];
      const config = check(schemas.config, input.config ?? {}, "config");
      const secrets = input.secrets == null ? undefined : check(schemas.secrets, input.secrets, "secrets");
      return audited(ctx, async (tx) => {
        const where = { organizationId_provider: { organizationId, provider: input.provider } };
        const before = await tx.organizationIntegration.findUnique({ where });
        if (!before && !secrets)
          throw ValidationError.fromIssues(
            [{ path: ["secrets"], message: "are required for a new integration" }],
            ["input"],
          );
        const encrypted = secrets
          ? {
              secretsEncrypted: encryptSecrets(ctx.services.config.integrationsKey, secrets),
              secretHints: secretHints(secrets),
            }
          : {};
        const after = await tx.organizationIntegration.upsert({
          where,
          create: { organizationId, provider: input.provider, config: config as Prisma.InputJsonValue, ...encrypted },
          update: { config: config as Prisma.InputJsonValue, ...encrypted },
        });
        return {
          value: after,
          audit: {
            action: before ? "integration.update" : "integration.create",
            entityType: "Integration",
            entityId: after.id,
            before,
            after,
          },
        };
      });
    },
  }),
);
