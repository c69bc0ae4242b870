import type { Prisma } from "../../../../db/prisma.js";
import { enqueue } from "../../../../jobs/enqueue.js";
import { createVideoRoom } from "../tasks/create-video-room.task.js";
import { queueRoomDeletion } from "../tasks/delete-video-room.task.js";

/**
 * Queues the creation of the appointment's Daily room, in the caller's transaction (booking,
 * rescheduling). One pending job per appointment. The job does nothing unless the service is
 * telehealth and the appointment still active, and replaces a room made for another time; a
 * Daily outage only delays it (the job retries), never the booking.
 */
export async function scheduleVideoRoom(
  tx: Prisma.TransactionClient,
  appointment: { id: string; organizationId: string },
): Promise<void> {
  await enqueue(tx, createVideoRoom, { appointmentId: appointment.id }, { jobKey: `video_room:${appointment.id}` });
}

/**
 * Queues the deletion of the appointment's Daily room, if it has one, in the caller's
 * transaction (cancelling, completing, a no-show). Rooms expire by themselves after the visit
 * window; this ends them at once.
 */
export async function scheduleVideoRoomDeletion(
  tx: Prisma.TransactionClient,
  appointment: { id: string; organizationId: string; videoRoomName: string | null },
): Promise<void> {
  if (appointment.videoRoomName) await queueRoomDeletion(tx, appointment.organizationId, appointment.videoRoomName);
}
