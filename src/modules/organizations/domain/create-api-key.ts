import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma } from "../../../db/prisma.js";
import { emitEvent } from "../../../events/index.js";
import { generateApiKey } from "../../../identity/api-keys.js";
import type { MemberRole } from "../../../identity/roles.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { activeOrganization } from "./active-organization.js";

export interface CreateApiKey {
  organizationId: string;
  name: string;
  /** admin, staff or specialist. */
  role: MemberRole;
  expiresAt?: Date | null;
}

/** A new key's row, and the key itself: shown this once, only its hash is stored. */
export interface CreatedApiKey<Row = { id: string }> {
  apiKey: Row;
  key: string;
}

/** Creates an API key of the actor's active organization and emits `api_key.created`. */
export async function createApiKey(tx: Prisma.TransactionClient, actor: Actor, input: CreateApiKey) {
  const organizationId = activeOrganization(actor, input.organizationId);
  const { key, prefix, hash } = generateApiKey();
  const apiKey = await tx.apiKey.create({
    data: {
      organizationId,
      name: input.name,
      role: input.role,
      prefix,
      hash,
      createdById: actor.scope.userId,
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
  } satisfies Audited<CreatedApiKey<typeof apiKey>>;
}
