import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { upsertIntegration } from "../domain/upsert-integration.js";
import { IntegrationRef } from "../types/integration.type.js";
import { IntegrationProviderEnum } from "../types/integration-provider.enum.js";
import { OrganizationRef } from "../types/organization.type.js";

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

builder.mutationField("upsertIntegration", (t) =>
  t.field({
    type: IntegrationRef,
    description: "Creates or replaces the organization's credentials for a provider.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: UpsertIntegrationInput }) },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, (tx, actor) =>
        upsertIntegration(
          tx,
          actor,
          { ...input, organizationId: input.organizationId.id },
          ctx.services.config.integrationsKey,
        ),
      ),
  }),
);
