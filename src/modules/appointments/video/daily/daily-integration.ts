import type { Config } from "../../../../config/config.js";
import type { Prisma } from "../../../../db/prisma.js";
import { decryptSecrets } from "../../../../secrets/encrypted-secrets.js";
import { type DailyClient, dailyClient } from "./daily-client.js";

/**
 * A Daily client with the organization's own key (its `daily` integration; tenants never
 * share one) at the integration's `apiUrl`, else DAILY_API_URL. Null when the organization
 * has no Daily integration. `organizationId` is filtered on explicitly because jobs read with
 * the owner connection, which row-level security does not limit.
 */
export async function organizationDaily(
  db: Pick<Prisma.TransactionClient, "organizationIntegration">,
  organizationId: string,
  config: Config,
): Promise<DailyClient | null> {
  const integration = await db.organizationIntegration.findFirst({ where: { organizationId, provider: "daily" } });
  if (!integration?.secretsEncrypted) return null;
  const { apiKey } = decryptSecrets(config.integrationsKey, integration.secretsEncrypted);
  if (!apiKey) return null;
  const { apiUrl } = integration.config as { apiUrl?: string };
  return dailyClient({
    apiUrl: (apiUrl ?? config.daily.apiUrl).replace(/\/+$/, ""),
    apiKey,
    timeoutMs: config.daily.timeoutMs,
  });
}
