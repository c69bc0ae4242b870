import { GraphQLError } from "graphql";
import type { Container } from "../container.js";
import { scopedClient } from "../db/tenant.js";
import { decodeUuidGlobalID } from "../graphql/global-id.js";
import { managerRoles } from "./roles.js";
import type { Viewer } from "./viewer.js";

/** The request header with which an owner or admin acts as one of the organization's patients. */
export const IMPERSONATE_PATIENT_HEADER = "x-impersonate-patient";
/** The response header that marks a request made as an impersonated patient (its value: the patient's id). */
export const IMPERSONATED_PATIENT_HEADER = "x-impersonated-patient";

function reject(status: number, code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

function patientUuid(globalId: string): string | null {
  try {
    const { typename, id } = decodeUuidGlobalID(globalId);
    return typename === "Patient" ? id : null;
  } catch {
    return null;
  }
}

/**
 * Applies `X-Impersonate-Patient: <patient id>`: an owner or admin of the patient's organization
 * then acts with the patient's scope (role `patient`, that one patient record). Anyone else
 * sending the header is refused (403), as is an id that is not a live patient of the
 * caller's active organization (404): the request never runs half-impersonated.
 */
export async function applyImpersonation(request: Request, viewer: Viewer, services: Container): Promise<Viewer> {
  const header = request.headers.get(IMPERSONATE_PATIENT_HEADER)?.trim();
  if (!header) return viewer;
  if (viewer.kind !== "user" || !viewer.organizationId || !viewer.role || !managerRoles.includes(viewer.role)) {
    throw reject(403, "FORBIDDEN", "Only an organization's owners and admins can act as a patient");
  }
  const patientId = patientUuid(header);
  if (!patientId) throw reject(400, "BAD_REQUEST", `${IMPERSONATE_PATIENT_HEADER} must be a patient id`);
  const db = scopedClient(services.appDb, {
    organizationId: viewer.organizationId,
    userId: viewer.userId,
    role: viewer.role,
  });
  const patient = await db.patient.findFirst({ where: { id: patientId, archivedAt: null }, select: { id: true } });
  if (!patient) throw reject(404, "NOT_FOUND", "Patient not found");
  return { ...viewer, role: "patient", patientId: patient.id, impersonating: true };
}
