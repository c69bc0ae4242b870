import { z } from "zod";
import { memberRoles } from "../identity/roles.js";

/**
 * Every domain event the product emits: its name, the version of its payload and the
 * payload's schema. Ids in payloads are global IDs, as the API gives them; instants are
 * ISO 8601 strings. A change that could break a receiver bumps the version.
 */
const id = z.string().min(1);
const instant = z.iso.datetime();
const role = z.enum(memberRoles);

const appointment = {
  appointmentId: id,
  status: z.enum(["booked", "upcoming", "in_progress", "done", "cancelled", "no_show"]),
  /** Null only once the patient record was deleted. */
  patientId: id.nullable(),
  specialistId: id,
  serviceId: id,
  calendarId: id,
  startsAt: instant,
  endsAt: instant,
};

export const eventCatalog = {
  "organization.updated": {
    version: 1,
    description: "The organization's name, slug, time zone, locale or settings changed.",
    payload: z.object({
      organizationId: id,
      changedFields: z.array(z.string()),
      name: z.string(),
      slug: z.string(),
      timezone: z.string(),
      locale: z.string(),
    }),
  },
  "member.added": {
    version: 1,
    description: "A person joined the organization (an invitation was accepted).",
    payload: z.object({ membershipId: id, userId: id, role }),
  },
  "member.role_changed": {
    version: 1,
    description: "A member's role changed.",
    payload: z.object({ membershipId: id, userId: id, previousRole: role, role }),
  },
  "member.removed": {
    version: 1,
    description: "A member was removed from the organization.",
    payload: z.object({ membershipId: id, userId: id, role }),
  },
  "api_key.created": {
    version: 1,
    description: "An API key was created (the key itself is never sent).",
    payload: z.object({ apiKeyId: id, name: z.string(), prefix: z.string(), role, expiresAt: instant.nullable() }),
  },
  "api_key.revoked": {
    version: 1,
    description: "An API key was revoked.",
    payload: z.object({ apiKeyId: id, name: z.string(), prefix: z.string(), revokedAt: instant }),
  },
  "patient.created": {
    version: 1,
    description: "A patient record was created.",
    payload: z.object({ patientId: id, status: z.enum(["invited", "onboarding", "active"]) }),
  },
  "patient.onboarded": {
    version: 1,
    description: "A patient completed the organization's onboarding steps.",
    payload: z.object({ patientId: id, onboardedAt: instant }),
  },
  "appointment.booked": {
    version: 1,
    description: "An appointment was booked.",
    payload: z.object(appointment),
  },
  "appointment.first_booked": {
    version: 1,
    description: "A patient's first appointment with the organization was booked (sent besides appointment.booked).",
    payload: z.object(appointment),
  },
  "appointment.confirmed": {
    version: 1,
    description: "An appointment became upcoming: confirmed, or within the reminder window before its start.",
    payload: z.object(appointment),
  },
  "appointment.started": {
    version: 1,
    description: "An appointment's visit started.",
    payload: z.object(appointment),
  },
  "appointment.cancelled": {
    version: 1,
    description: "An appointment was cancelled.",
    payload: z.object({
      ...appointment,
      reason: z.string().nullable(),
      cancelledBy: z.enum(["patient", "staff", "system"]),
    }),
  },
  "appointment.rescheduled": {
    version: 1,
    description: "An appointment moved to another time.",
    payload: z.object({ ...appointment, previousStartsAt: instant, previousEndsAt: instant }),
  },
  "appointment.done": {
    version: 1,
    description: "An appointment took place.",
    payload: z.object(appointment),
  },
  "appointment.no_show": {
    version: 1,
    description: "The patient did not come to an appointment.",
    payload: z.object(appointment),
  },
  "webhook.endpoint_disabled": {
    version: 1,
    description:
      "A webhook endpoint was disabled: it answered 410 Gone, or too many messages in a row failed. Sent to the organization's other endpoints.",
    payload: z.object({
      subscriptionId: id,
      url: z.string(),
      reason: z.enum(["gone", "failing"]),
      consecutiveFailures: z.number().int(),
      disabledAt: instant,
    }),
  },
  "webhook.ping": {
    version: 1,
    description: "A test message sent by pingWebhook to one endpoint, whatever event types it chose.",
    payload: z.object({ subscriptionId: id }),
  },
} satisfies Record<string, { version: number; description: string; payload: z.ZodType }>;

export type EventType = keyof typeof eventCatalog;
export type EventData<T extends EventType> = z.input<(typeof eventCatalog)[T]["payload"]>;

export const eventTypes = Object.keys(eventCatalog) as EventType[];
