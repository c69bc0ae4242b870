import type { TenantScope } from "../../../../db/tenant.js";
import { ForbiddenError } from "../../../../errors.js";
import type { AppointmentActor, AppointmentSource } from "../../../../generated/prisma/enums.js";
import type { Actor } from "../../../../operation/actor.js";

/** How the caller acts on appointments of an organization, and the database scope it does so in. */
export interface Booker {
  source: AppointmentSource;
  actor: Exclude<AppointmentActor, "system">;
  scope: TenantScope;
}

/**
 * The caller in `organizationId`: its staff (any member role but patient, or an API key); its
 * patient (a patient-role member, acting for their own record only, which row-level security
 * enforces); or anyone else through a published calendar's widget. The widget acts as the API
 * role scoped to the organization, through fixed code only: it finds or creates the patient by
 * email and books from the caller's hold.
 */
export function bookerIn(actor: Pick<Actor, "scope">, organizationId: string): Booker {
  const { scope } = actor;
  if (scope.organizationId !== organizationId) {
    return {
      source: "widget",
      actor: "patient",
      scope: { organizationId, userId: scope.userId, role: null, patientId: null },
    };
  }
  if (scope.role === "patient") {
    if (!scope.patientId) throw new ForbiddenError("No patient record is linked to your account");
    return { source: "patient", actor: "patient", scope: { ...scope, databaseRole: undefined } };
  }
  return { source: "staff", actor: "staff", scope: { ...scope, patientId: null, databaseRole: undefined } };
}
