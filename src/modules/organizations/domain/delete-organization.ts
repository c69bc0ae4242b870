import type { Prisma } from "../../../db/prisma.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { activeOrganization } from "./active-organization.js";

/** Deletes the actor's active organization and everything it owns; the audit trail stays. */
export async function deleteOrganization(tx: Prisma.TransactionClient, actor: Actor, id: string) {
  const organizationId = activeOrganization(actor, id);
  const deleted = await tx.organization.delete({ where: { id: organizationId } });
  return {
    value: deleted,
    audit: { action: "organization.delete", entityType: "Organization", entityId: organizationId, before: deleted },
  } satisfies Audited<typeof deleted>;
}
