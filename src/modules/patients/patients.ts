import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma } from "../../db/prisma.js";
import { ConflictError, NotFoundError } from "../../errors.js";
import { emitEvent } from "../../events/index.js";
import type { PatientStatus } from "../../generated/prisma/enums.js";
import { initialOnboarding, requiredSteps } from "./onboarding.js";
import { patientSearchWhere } from "./search.js";

export interface NewPatient {
  firstName: string;
  lastName: string;
  email: string | null;
  phone?: string | null;
  dateOfBirth?: Date | null;
  /** Default to the organization's. */
  timezone?: string | null;
  locale?: string | null;
}

/**
 * Adds a patient to the organization (staff, or a booking widget's new patient): invited, or
 * active at once when the organization requires no onboarding step; emits `patient.created`
 * (and `patient.onboarded`). A live patient with the same email is a unique violation.
 */
export async function createPatientRecord(tx: Prisma.TransactionClient, organizationId: string, input: NewPatient) {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const patient = await tx.patient.create({
    data: {
      organizationId,
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      phone: input.phone ?? null,
      dateOfBirth: input.dateOfBirth ?? null,
      timezone: input.timezone ?? organization.timezone,
      locale: input.locale ?? organization.locale,
      ...initialOnboarding(requiredSteps(organization.settings), new Date()),
    },
  });
  const patientId = encodeGlobalID("Patient", patient.id);
  await emitEvent(tx, organizationId, "patient.created", { patientId, status: patient.status });
  if (patient.onboardedAt) {
    await emitEvent(tx, organizationId, "patient.onboarded", {
      patientId,
      onboardedAt: patient.onboardedAt.toISOString(),
    });
  }
  return patient;
}

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
    ...patientSearchWhere(filter?.search),
    status: filter?.status ?? undefined,
    createdAt: { gte: filter?.createdFrom ?? undefined, lt: filter?.createdTo ?? undefined },
    archivedAt: filter?.includeArchived ? undefined : null,
  };
}

/**
 * The `patients` list order: last name, first name, id. With a search, the last name sorts
 * through `last_name_order`, a generated copy of it, `NULLS FIRST` (the same order: it is never
 * null), which the name index cannot give, so PostgreSQL finds the matches through the search
 * keys' indexes and sorts them. Walking the organization in name order until a page of matches
 * turned up looked cheaper to the planner, but matches cluster (every "Silva" after every
 * "Santos"): 40,000 rows read for "sil".
 */
export function patientOrder(filter: PatientFilter | null | undefined): Prisma.PatientOrderByWithRelationInput[] {
  const searching = (filter?.search ?? "").trim() !== "";
  return [
    searching ? { lastNameOrder: { sort: "asc", nulls: "first" } } : { lastName: "asc" },
    { firstName: "asc" },
    { id: "asc" },
  ];
}
