import { builder } from "../../../graphql/builder.js";
import { ServiceRef } from "../../services/index.js";
import { AppointmentActorEnum } from "./appointment-actor.enum.js";
import { AppointmentSourceEnum } from "./appointment-source.enum.js";
import { AppointmentStatusEnum } from "./appointment-status.enum.js";

export const AppointmentRef = builder.prismaNode("Appointment", {
  nullable: true,
  id: { field: "id" },
  description: "A booked time of a specialist for a patient, and where it stands in its lifecycle.",
  fields: (t) => ({
    status: t.expose("status", { type: AppointmentStatusEnum }),
    start: t.expose("startAt", { type: "DateTime" }),
    end: t.expose("endAt", { type: "DateTime" }),
    bufferBeforeMinutes: t.exposeInt("bufferBeforeMinutes"),
    bufferAfterMinutes: t.exposeInt("bufferAfterMinutes"),
    calendar: t.relation("calendar"),
    service: t.relation("service"),
    specialist: t.relation("specialist"),
    patient: t.relation("patient", { nullable: true }),
    addOns: t.field({
      type: [ServiceRef],
      description: "Add-on services booked with the appointment.",
      select: (_args, _ctx, nested) => ({ addOns: { select: { service: nested() } } }),
      resolve: (appointment) => appointment.addOns.map((a) => a.service),
    }),
    source: t.expose("source", { type: AppointmentSourceEnum }),
    notes: t.exposeString("notes", { nullable: true }),
    onboardingIncomplete: t.exposeBoolean("onboardingIncomplete", {
      description: "Booked while the patient had not finished onboarding (organizations that accept such bookings).",
    }),
    patientServicePlan: t.relation("patientServicePlan", {
      nullable: true,
      description: "The plan a session was consumed from.",
    }),
    cancelledAt: t.expose("cancelledAt", { type: "DateTime", nullable: true }),
    cancelledBy: t.expose("cancelledBy", { type: AppointmentActorEnum, nullable: true }),
    cancellationReason: t.exposeString("cancellationReason", { nullable: true }),
    startedAt: t.expose("startedAt", { type: "DateTime", nullable: true }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
    rescheduleCount: t.exposeInt("rescheduleCount"),
    history: t.relation("history", { query: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] } }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});
