import type { Prisma } from "../../../../db/prisma.js";
import { NotFoundError, ValidationError } from "../../../../errors.js";
import { createPatientRecord } from "../../../patients/index.js";
import type { Booker } from "./booker.js";

/** Who a widget booking is for: the patient with this email, or a new one. */
export interface PatientContact {
  firstName: string;
  lastName: string;
  email: string;
  phone?: string | null;
}

/**
 * The live patient an appointment is booked for: staff name one (`patientId`); a patient books
 * for themselves; a widget gives contact details, matched by email (case-insensitive) or added
 * as a new patient. Archived patients are not found.
 */
export async function bookingPatient(
  tx: Prisma.TransactionClient,
  booker: Booker,
  choice: { patientId?: string | null; contact?: PatientContact | null },
) {
  if (booker.source === "widget") {
    const { contact } = choice;
    if (!contact)
      throw new ValidationError([{ path: ["input", "contact"], message: "is required to book through a widget" }]);
    const email = contact.email.toLowerCase();
    const existing = await tx.patient.findFirst({
      where: { email: { equals: email, mode: "insensitive" }, archivedAt: null },
    });
    return existing ?? createPatientRecord(tx, booker.scope.organizationId as string, { ...contact, email });
  }
  const patientId = booker.source === "patient" ? booker.scope.patientId : choice.patientId;
  if (!patientId) throw new ValidationError([{ path: ["input", "patientId"], message: "is required" }]);
  if (choice.patientId && choice.patientId !== patientId) throw new NotFoundError("Patient");
  const patient = await tx.patient.findFirst({ where: { id: patientId, archivedAt: null } });
  if (!patient) throw new NotFoundError("Patient");
  return patient;
}
