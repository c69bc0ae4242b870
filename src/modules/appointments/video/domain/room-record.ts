import type { Prisma } from "../../../../db/prisma.js";
import type { DailyRoom } from "../daily/daily-client.js";
import { queueRoomDeletion } from "../tasks/delete-video-room.task.js";
import { videoStatuses } from "./eligibility.js";

/** What storing a room needs to know of the appointment, as it was read before Daily was called. */
export interface RoomAppointment {
  id: string;
  organizationId: string;
  startAt: Date;
  videoRoomName: string | null;
}

/**
 * Records a room Daily just made on the appointment, unless the appointment changed while
 * Daily was being called. A room that replaced another (a reschedule) has the old one
 * deleted; a room that arrived too late (the appointment was cancelled, moved, or got another
 * room) is deleted itself, so no room outlives its appointment. True when it was recorded.
 */
export async function recordRoom(
  tx: Prisma.TransactionClient,
  appointment: RoomAppointment,
  room: DailyRoom,
): Promise<boolean> {
  const { count } = await tx.appointment.updateMany({
    where: {
      id: appointment.id,
      organizationId: appointment.organizationId,
      startAt: appointment.startAt,
      videoRoomName: appointment.videoRoomName,
      status: { in: [...videoStatuses] },
    },
    data: { videoRoomName: room.name, videoRoomUrl: room.url },
  });
  if (count) {
    if (appointment.videoRoomName && appointment.videoRoomName !== room.name) {
      await queueRoomDeletion(tx, appointment.organizationId, appointment.videoRoomName);
    }
    return true;
  }
  const current = await tx.appointment.findFirst({
    where: { id: appointment.id, organizationId: appointment.organizationId },
    select: { videoRoomName: true },
  });
  if (current?.videoRoomName !== room.name) {
    await queueRoomDeletion(tx, appointment.organizationId, room.name);
  }
  return false;
}
