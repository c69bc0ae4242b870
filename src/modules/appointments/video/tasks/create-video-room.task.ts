import { z } from "zod";
import type { Prisma } from "../../../../db/prisma.js";
import { defineTask } from "../../../../jobs/task.js";
import { organizationDaily } from "../daily/daily-integration.js";
import { videoIneligibility } from "../domain/eligibility.js";
import { recordRoom } from "../domain/room-record.js";
import { roomNameFor, visitWindow } from "../domain/visit-window.js";

/**
 * Makes the Daily room of a telehealth appointment with its organization's own key and
 * records it (with an audit row). Does nothing for other services, appointments no longer
 * active or already past, or when the room for the appointment's current time exists. Daily
 * failing throws, so graphile-worker retries with backoff; an organization without a Daily
 * integration is not retried (joining creates the room once one is set up).
 */
export const createVideoRoom = defineTask({
  identifier: "create_video_room",
  payload: z.object({ appointmentId: z.uuid() }),
  async run({ appointmentId }, { services, log }) {
    const appointment = await services.adminDb.appointment.findUnique({
      where: { id: appointmentId },
      include: { service: { select: { deliveryMode: true } } },
    });
    if (!appointment) return log.info({ appointmentId }, "appointment is gone; no room");
    const ineligible = videoIneligibility(appointment);
    if (ineligible) return log.info({ appointmentId, reason: ineligible }, "no video visit; no room");
    const name = roomNameFor(appointment);
    if (appointment.videoRoomName === name) return log.info({ appointmentId }, "the room exists already");
    const window = visitWindow(appointment);
    if (window.closesAt <= new Date()) return log.info({ appointmentId }, "the visit is over; no room");
    const daily = await organizationDaily(services.adminDb, appointment.organizationId, services.config);
    if (!daily) return log.warn({ appointmentId }, "the organization has no Daily integration; no room");

    const room = await daily.createRoom(name, window);
    await services.adminDb.$transaction(async (tx) => {
      if (!(await recordRoom(tx, appointment, room))) return;
      await tx.auditLog.create({
        data: {
          organizationId: appointment.organizationId,
          action: "appointment.create_video_room",
          entityType: "Appointment",
          entityId: appointment.id,
          changes: {
            before: { videoRoomName: appointment.videoRoomName, videoRoomUrl: appointment.videoRoomUrl },
            after: { videoRoomName: room.name, videoRoomUrl: room.url },
          } as Prisma.InputJsonValue,
        },
      });
    });
  },
});
