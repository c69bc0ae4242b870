import type { Prisma } from "../../db/prisma.js";
import { wordPrefixWhere } from "../../db/search.js";
import { ConflictError, NotFoundError } from "../../errors.js";
import type { PatientStatus } from "../../generated/prisma/enums.js";

/**
 * The patient row, locked until the transaction ends so concurrent changes to it queue up.
 * Rows that row-level security hides (another organization's, another patient's) are not found.
 */
export async function lockPatient(tx: Prisma.TransactionClient, id: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM patients WHERE id = ${id}::uuid FOR UPDATE`;
  if (!row) throw new NotFoundError("Patient");
  return tx.patient.findUniqueOrThrow({ where: { id } });
}

/** {@link lockPatient}, refusing archived patients: they change only by being restored. */
export async function lockLivePatient(tx: Prisma.TransactionClient, id: string) {
  const patient = await lockPatient(tx, id);
  if (patient.archivedAt) throw new ConflictError("The patient is archived: restore it first");
  return patient;
}

/**
 * After the organization changes its onboarding steps: patients who have now completed every
 * required step (all of them, when none is required) become active. Returns how many did.
 */
export function activateOnboardedPatients(tx: Prisma.TransactionClient, organizationId: string, required: string[]) {
  const steps = JSON.stringify(required.map((step) => ({ step })));
  return tx.$executeRaw`UPDATE patients SET status = 'active', onboarded_at = now(), updated_at = now()
    WHERE organization_id = ${organizationId}::uuid AND status <> 'active' AND onboarding_steps @> ${steps}::jsonb`;
}

export interface PatientFilter {
  search?: string | null;
  status?: PatientStatus | null;
  createdFrom?: Date | null;
  createdTo?: Date | null;
  includeArchived?: boolean | null;
}

/** The `patients` list filter as a Prisma `where`: archived patients only when asked for. */
export function patientWhere(filter: PatientFilter | null | undefined): Prisma.PatientWhereInput {
  return {
    ...wordPrefixWhere(filter?.search, ["firstName", "lastName", "email"]),
    status: filter?.status ?? undefined,
    createdAt: { gte: filter?.createdFrom ?? undefined, lt: filter?.createdTo ?? undefined },
    archivedAt: filter?.includeArchived ? undefined : null,
  };
}
