import { z } from "zod";
import type { Prisma } from "../../../../db/prisma.js";
import { enqueue } from "../../../../jobs/enqueue.js";
import { defineTask } from "../../../../jobs/task.js";
import { organizationDaily } from "../daily/daily-integration.js";

/**
 * Deletes a Daily room with its organization's key (one Daily no longer has counts as
 * deleted), then forgets it on the appointments that still point at it. Daily failing throws,
 * so graphile-worker retries with backoff.
 */
export const deleteVideoRoom = defineTask({
  identifier: "delete_video_room",
  payload: z.object({ organizationId: z.uuid(), roomName: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/) }),
  async run({ organizationId, roomName }, { services, log }) {
    const daily = await organizationDaily(services.adminDb, organizationId, services.config);
    if (!daily)
      return log.warn({ organizationId, roomName }, "no Daily integration any more; the room expires by itself");
    await daily.deleteRoom(roomName);
    await services.adminDb.$transaction(async (tx) => {
      const holders = await tx.appointment.findMany({
        where: { organizationId, videoRoomName: roomName },
        select: { id: true, videoRoomUrl: true },
      });
      if (!holders.length) return;
      await tx.appointment.updateMany({
        where: { organizationId, videoRoomName: roomName },
        data: { videoRoomName: null, videoRoomUrl: null },
      });
      await tx.auditLog.createMany({
        data: holders.map((appointment) => ({
          organizationId,
          action: "appointment.delete_video_room",
          entityType: "Appointment",
          entityId: appointment.id,
          changes: {
            before: { videoRoomName: roomName, videoRoomUrl: appointment.videoRoomUrl },
            after: { videoRoomName: null, videoRoomUrl: null },
          } as Prisma.InputJsonValue,
        })),
      });
    });
  },
});

/** Queues {@link deleteVideoRoom} in the caller's transaction; one pending job per room. */
export async function queueRoomDeletion(tx: Prisma.TransactionClient, organizationId: string, roomName: string) {
  await enqueue(tx, deleteVideoRoom, { organizationId, roomName }, { jobKey: `video_room_deletion:${roomName}` });
}
