import type { z } from "zod";
import type { Prisma } from "../../../db/prisma.js";
import { ValidationError } from "../../../errors.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { encryptSecrets, secretHints } from "../../../secrets/encrypted-secrets.js";
import { activeOrganization } from "./active-organization.js";
import { type IntegrationProvider, providerSchemas } from "./integration-providers.js";

export interface UpsertIntegration {
  organizationId: string;
  provider: IntegrationProvider;
  /** Non-secret settings; replaces the stored ones. */
  config?: unknown;
  /** Omitted: the stored secrets stay (a new integration needs them). */
  secrets?: unknown;
}

/** Validation issues name the field as the `UpsertIntegrationInput` argument `input` has it. */
function check(schema: z.ZodType, value: unknown, field: string) {
  const result = schema.safeParse(value);
  if (!result.success) throw ValidationError.fromIssues(result.error.issues, ["input", field]);
  return result.data as Record<string, string>;
}

/**
 * Creates or replaces the active organization's credentials for a provider; the secrets are
 * encrypted with `integrationsKey` (the server's `INTEGRATIONS_ENCRYPTION_KEY`) and only their
 * last characters are kept readable.
 */
export async function upsertIntegration(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: UpsertIntegration,
  integrationsKey: Buffer,
) {
  const organizationId = activeOrganization(actor, input.organizationId);
  const schemas = providerSchemas[input.provider];
  const config = check(schemas.config, input.config ?? {}, "config") as Prisma.InputJsonValue;
  const secrets = input.secrets == null ? undefined : check(schemas.secrets, input.secrets, "secrets");
  const where = { organizationId_provider: { organizationId, provider: input.provider } };
  const before = await tx.organizationIntegration.findUnique({ where });
  if (!before && !secrets) {
    throw ValidationError.fromIssues([{ path: ["secrets"], message: "are required for a new integration" }], ["input"]);
  }
  const encrypted = secrets
    ? { secretsEncrypted: encryptSecrets(integrationsKey, secrets), secretHints: secretHints(secrets) }
    : {};
  const after = await tx.organizationIntegration.upsert({
    where,
    create: { organizationId, provider: input.provider, config, ...encrypted },
    update: { config, ...encrypted },
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
  } satisfies Audited<typeof after>;
}
