import { isUniqueViolation } from "../db/errors.js";
import type { Prisma } from "../db/prisma.js";
import { ConflictError, NotFoundError } from "../errors.js";
import type { Audited } from "../operation/audited.js";
import type { MemberRole } from "./roles.js";

/** A record a user account signs in as (a patient, a specialist profile), with the module's rules for the link. */
export interface AccountLink<Row extends { id: string; organizationId: string }> {
  /** Names the audit row: `Patient` records `patient.link_user`. */
  entityType: string;
  /** The record before the change, as its module found (or locked) it. */
  record: Row;
  /** Why a member with this role cannot sign in as the record; null when they can. */
  refusal: (role: MemberRole) => string | null;
  /** Writes the link; null unlinks. */
  write: (userId: string | null) => Promise<Row>;
  /** The conflict answered when the account already signs in as another such record (a unique index says so). */
  taken: string;
}

/**
 * Links the account of a member of the record's organization to the record, or unlinks it
 * (`userId` null). Anyone else's account is not found: other organizations' users are invisible.
 */
export async function linkAccount<Row extends { id: string; organizationId: string }>(
  tx: Prisma.TransactionClient,
  userId: string | null,
  link: AccountLink<Row>,
): Promise<Audited<Row>> {
  if (userId) {
    const membership = await tx.userOrganization.findFirst({
      where: { organizationId: link.record.organizationId, userId },
    });
    if (!membership) throw new NotFoundError("User");
    const refusal = link.refusal(membership.role);
    if (refusal) throw new ConflictError(refusal);
  }
  try {
    const after = await link.write(userId);
    return {
      value: after,
      audit: {
        action: `${link.entityType.toLowerCase()}.link_user`,
        entityType: link.entityType,
        entityId: after.id,
        before: link.record,
        after,
      },
    };
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(link.taken);
    throw error;
  }
}
