import { builder } from "../../../graphql/builder.js";
import { integrationProviders } from "../domain/integration-providers.js";

export const IntegrationProviderEnum = builder.enumType("IntegrationProvider", { values: integrationProviders });
