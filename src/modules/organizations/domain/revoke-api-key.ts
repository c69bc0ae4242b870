import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma } from "../../../db/prisma.js";
import { NotFoundError } from "../../../errors.js";
import { emitEvent } from "../../../events/index.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { assertInActiveOrganization } from "./active-organization.js";

export interface RevokeApiKey {
  id: string;
  /** When given, must be the active organization. */
  organizationId?: string | null;
}

/** Revokes a key (the next request made with it is refused); revoking it again changes nothing. */
export async function revokeApiKey(tx: Prisma.TransactionClient, actor: Actor, input: RevokeApiKey) {
  assertInActiveOrganization(actor, input.organizationId);
  const before = await tx.apiKey.findUnique({ where: { id: input.id } });
  if (!before) throw new NotFoundError("ApiKey");
  const revokedAt = new Date();
  const after = before.revokedAt ? before : await tx.apiKey.update({ where: { id: before.id }, data: { revokedAt } });
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
  } satisfies Audited<typeof after>;
}
