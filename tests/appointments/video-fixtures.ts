import type { Container } from "../../src/container.js";
import { createPatient, linkPatientUser } from "../patients/fixtures.js";
import { createOrganization, type TestOrganization, unique } from "../support/auth.js";
import type { DailyStandIn } from "../support/daily-stand-in.js";
import { gqlData, uuidOf } from "../support/graphql.js";
import { addMember, type TestMember } from "../support/members.js";
import { UpsertIntegration } from "../support/organization-documents.js";

interface Api {
  url: string;
  services: Container;
}

/** An organization with its own Daily key (and domain), a specialist and a patient who can sign in. */
export interface VideoClinic {
  org: TestOrganization;
  organizationId: string;
  apiKey: string;
  domain: string;
  specialistMember: TestMember;
  specialistId: string;
  patientMember: TestMember;
  patientId: string;
  telehealthServiceId: string;
  inClinicServiceId: string;
  calendarIds: Record<"telehealth" | "in_clinic", string>;
}

export interface ClinicOptions {
  /** How the server finds Daily: the integration's `apiUrl` (default), or `DAILY_API_URL`. */
  apiUrl?: "integration" | "server";
  /** No Daily integration at all. */
  withoutIntegration?: boolean;
  /** A key the stand-in does not know (Daily answers 401). */
  unknownKey?: boolean;
}

export async function videoClinic(server: Api, daily: DailyStandIn, options: ClinicOptions = {}): Promise<VideoClinic> {
  const { adminDb } = server.services;
  const org = await createOrganization(server.url, "Tele Clinic");
  const organizationId = uuidOf(org.id);
  const apiKey = unique("daily_key");
  const domain = unique("clinic");
  if (!options.unknownKey) daily.addKey(apiKey, domain);
  if (!options.withoutIntegration) {
    const config = options.apiUrl === "server" ? {} : { apiUrl: daily.url };
    const result = await gqlData(
      server.url,
      UpsertIntegration,
      { input: { organizationId: org.id, provider: "daily", config, secrets: { apiKey } } },
      org.owner,
    );
    if (result.upsertIntegration.__typename !== "MutationUpsertIntegrationSuccess") {
      throw new Error(`upsertIntegration failed: ${JSON.stringify(result)}`);
    }
  }
  const specialistMember = await addMember(server.url, org, "specialist");
  const specialist = await adminDb.specialist.create({
    data: {
      organizationId,
      firstName: "Sam",
      lastName: "Spec",
      timezone: "UTC",
      userId: uuidOf(specialistMember.userId),
    },
  });
  const patient = await createPatient(server.url, org, { firstName: "Pat", lastName: "Ient" });
  const patientMember = await addMember(server.url, org, "patient");
  await linkPatientUser(server.url, org, patient.id, patientMember.userId);

  const serviceAndCalendar = async (deliveryMode: "telehealth" | "in_clinic") => {
    const service = await adminDb.service.create({
      data: {
        organizationId,
        name: unique(`Visit ${deliveryMode}`),
        durationMinutes: 30,
        deliveryMode,
        billingModel: "session_based",
        currency: "EUR",
        pricePerSession: 5000,
      },
    });
    const calendar = await adminDb.calendar.create({
      data: {
        organizationId,
        serviceId: service.id,
        name: unique("Calendar"),
        slotIntervalMinutes: 30,
        timezone: "UTC",
      },
    });
    return { serviceId: service.id, calendarId: calendar.id };
  };
  const telehealth = await serviceAndCalendar("telehealth");
  const inClinic = await serviceAndCalendar("in_clinic");
  return {
    org,
    organizationId,
    apiKey,
    domain,
    specialistMember,
    specialistId: specialist.id,
    patientMember,
    patientId: uuidOf(patient.id),
    telehealthServiceId: telehealth.serviceId,
    inClinicServiceId: inClinic.serviceId,
    calendarIds: { telehealth: telehealth.calendarId, in_clinic: inClinic.calendarId },
  };
}

/** An appointment of the clinic's specialist and patient, written with the owner connection (booking is the lead's). */
export function videoAppointment(
  server: Api,
  clinic: VideoClinic,
  options: {
    startsInMinutes: number;
    minutes?: number;
    deliveryMode?: "telehealth" | "in_clinic";
    status?: "booked" | "cancelled";
  },
) {
  const deliveryMode = options.deliveryMode ?? "telehealth";
  const startAt = new Date(Math.floor(Date.now() / 60_000) * 60_000 + options.startsInMinutes * 60_000);
  return server.services.adminDb.appointment.create({
    data: {
      organizationId: clinic.organizationId,
      calendarId: clinic.calendarIds[deliveryMode],
      serviceId: deliveryMode === "telehealth" ? clinic.telehealthServiceId : clinic.inClinicServiceId,
      specialistId: clinic.specialistId,
      patientId: clinic.patientId,
      startAt,
      endAt: new Date(startAt.getTime() + (options.minutes ?? 30) * 60_000),
      status: options.status ?? "booked",
      ...(options.status === "cancelled" ? { cancelledAt: new Date(), cancelledBy: "staff" as const } : {}),
    },
  });
}

export { eventually } from "../scheduling/fixtures.js";
