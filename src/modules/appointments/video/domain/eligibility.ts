import type { AppointmentStatus, DeliveryMode } from "../../../../generated/prisma/enums.js";
import type { VideoUnavailableReason } from "../errors.js";

/** Statuses whose visit may still take place, so a room is worth having. */
export const videoStatuses: readonly AppointmentStatus[] = ["booked", "upcoming", "in_progress"];

/** Why an appointment can never have a video visit (again), or null when it can. */
export function videoIneligibility(appointment: {
  status: AppointmentStatus;
  service: { deliveryMode: DeliveryMode };
}): Exclude<VideoUnavailableReason, "OUTSIDE_WINDOW" | "NO_INTEGRATION"> | null {
  if (appointment.service.deliveryMode !== "telehealth") return "NOT_TELEHEALTH";
  if (!videoStatuses.includes(appointment.status)) return "NOT_ACTIVE";
  return null;
}
