import type { Config } from "../../../../config/config.js";
import type { RequestDatabase } from "../../../../db/tenant.js";
import { NotFoundError } from "../../../../errors.js";
import type { Actor } from "../../../../operation/actor.js";
import { audited } from "../../../../operation/audited.js";
import { organizationDaily } from "../daily/daily-integration.js";
import { VideoUnavailableError } from "../errors.js";
import { videoIneligibility } from "./eligibility.js";
import { participantOf } from "./participant.js";
import { recordRoom } from "./room-record.js";
import { isWithin, roomNameFor, visitWindow } from "./visit-window.js";

/** What a participant needs to join an appointment's video visit with Daily.co. */
export interface VideoVisitAccess {
  roomUrl: string;
  token: string;
  expiresAt: Date;
  isOwner: boolean;
}

/**
 * What joining works in: the reads (a request's shared read transaction), `release()` to commit
 * them before Daily.co is called, and a transaction for the audited write.
 */
export type VideoVisitDatabase = Pick<RequestDatabase, "db" | "release" | "transaction">;

const unavailable = {
  NOT_TELEHEALTH: "This appointment's service is not delivered by video",
  NOT_ACTIVE: "This appointment is no longer active",
} as const;

/**
 * A Daily.co meeting token for the actor's part in the appointment's video visit
 * ({@link participantOf}: the specialist and owners/admins as owner, the patient as guest), within
 * the visit window only. Makes the room with the organization's own key if the background job
 * has not yet (and records it). Audited as `appointment.join_video` (never the token).
 * NotFoundError (hidden), ForbiddenError, VideoUnavailableError, VideoProviderError (Daily failed).
 */
export async function joinVideoVisit(
  database: VideoVisitDatabase,
  actor: Actor,
  input: { appointmentId: string },
  deps: { config: Config },
): Promise<VideoVisitAccess> {
  const appointment = await database.db.appointment.findUnique({
    where: { id: input.appointmentId },
    include: {
      service: { select: { deliveryMode: true } },
      specialist: { select: { userId: true, firstName: true, lastName: true } },
      patient: { select: { firstName: true, lastName: true } },
    },
  });
  if (!appointment) throw new NotFoundError("Appointment");
  const participant = await participantOf(database.db, actor, appointment);
  const ineligible = videoIneligibility(appointment);
  if (ineligible) throw new VideoUnavailableError(ineligible, unavailable[ineligible]);
  const window = visitWindow(appointment);
  if (!isWithin(window, new Date())) {
    throw new VideoUnavailableError("OUTSIDE_WINDOW", "The video visit can be joined only around its time", window);
  }
  const daily = await organizationDaily(database.db, appointment.organizationId, deps.config);
  if (!daily) throw new VideoUnavailableError("NO_INTEGRATION", "The organization has not set up Daily.co");

  // Daily is called outside any transaction (the reads' one is committed first): its retries
  // must not hold a connection.
  await database.release();
  const name = roomNameFor(appointment);
  const room =
    appointment.videoRoomName === name && appointment.videoRoomUrl
      ? { name, url: appointment.videoRoomUrl }
      : await daily.createRoom(name, window);
  const token = await daily.createMeetingToken({ roomName: room.name, ...participant, window });
  const { viewer, scope, requestId, client } = actor;
  return audited({ viewer, scope, requestId, client, database }, async (tx) => {
    if (room.name !== appointment.videoRoomName) await recordRoom(tx, appointment, room);
    return {
      value: { roomUrl: room.url, token, expiresAt: window.closesAt, isOwner: participant.isOwner },
      audit: {
        action: "appointment.join_video",
        entityType: "Appointment",
        entityId: appointment.id,
        after: { roomName: room.name, isOwner: participant.isOwner },
      },
    };
  });
}
