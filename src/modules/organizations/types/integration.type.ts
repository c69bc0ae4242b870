import { builder } from "../../../graphql/builder.js";
import type { IntegrationProvider } from "../domain/integration-providers.js";
import { IntegrationProviderEnum } from "./integration-provider.enum.js";

export const IntegrationRef = builder.prismaNode("OrganizationIntegration", {
  name: "Integration",
  id: { field: "id" },
  nullable: true,
  description: "Credentials of the organization for a third-party service. Secrets are never returned.",
  fields: (t) => ({
    provider: t.field({ type: IntegrationProviderEnum, resolve: (i) => i.provider as IntegrationProvider }),
    config: t.expose("config", { type: "JSON" }),
    secretHints: t.expose("secretHints", {
      type: "JSON",
      description: 'Last characters of each secret, e.g. {"apiKey": "…abcd"}.',
    }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});
