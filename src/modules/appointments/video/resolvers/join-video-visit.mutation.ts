import { ForbiddenError, NotFoundError } from "../../../../errors.js";
import { builder } from "../../../../graphql/builder.js";
import { memberRoles } from "../../../../identity/roles.js";
import { audited } from "../../../../operation/audited.js";
import { AppointmentRef } from "../../types/appointment.type.js";
import { organizationDaily } from "../daily/daily-integration.js";
import { videoIneligibility } from "../domain/eligibility.js";
import { participantOf } from "../domain/participant.js";
import { recordRoom } from "../domain/room-record.js";
import { isWithin, roomNameFor, visitWindow } from "../domain/visit-window.js";
import { VideoProviderError, VideoUnavailableError } from "../errors.js";
import { VideoVisitAccessRef } from "../types/video-visit-access.type.js";

const unavailable = {
  NOT_TELEHEALTH: "This appointment's service is not delivered by video",
  NOT_ACTIVE: "This appointment is no longer active",
} as const;

builder.mutationField("joinVideoVisit", (t) =>
  t.field({
    type: VideoVisitAccessRef,
    description:
      "A Daily.co meeting token for the appointment's video visit: the specialist joins as owner, the patient as guest (owners and admins may join as owner). Valid from 10 minutes before the start to 30 minutes after the end; makes the room if the background job has not yet.",
    authScopes: { orgRole: memberRoles },
    errors: { types: [NotFoundError, ForbiddenError, VideoUnavailableError, VideoProviderError] },
    args: { appointmentId: t.arg.globalID({ for: AppointmentRef }) },
    resolve: async (_root, { appointmentId }, ctx) => {
      const appointment = await ctx.db.appointment.findUnique({
        where: { id: appointmentId.id },
        include: {
          service: { select: { deliveryMode: true } },
          specialist: { select: { userId: true, firstName: true, lastName: true } },
          patient: { select: { firstName: true, lastName: true } },
        },
      });
      if (!appointment) throw new NotFoundError("Appointment");
      const participant = await participantOf(ctx, appointment);
      const ineligible = videoIneligibility(appointment);
      if (ineligible) throw new VideoUnavailableError(ineligible, unavailable[ineligible]);
      const window = visitWindow(appointment);
      if (!isWithin(window, new Date())) {
        throw new VideoUnavailableError("OUTSIDE_WINDOW", "The video visit can be joined only around its time", window);
      }
      const daily = await organizationDaily(ctx.db, appointment.organizationId, ctx.services.config);
      if (!daily) throw new VideoUnavailableError("NO_INTEGRATION", "The organization has not set up Daily.co");

      // Daily is called outside any transaction (the reads' one is committed first): its retries
      // must not hold a connection.
      await ctx.database.release();
      const name = roomNameFor(appointment);
      const room =
        appointment.videoRoomName === name && appointment.videoRoomUrl
          ? { name, url: appointment.videoRoomUrl }
          : await daily.createRoom(name, window);
      const token = await daily.createMeetingToken({ roomName: room.name, ...participant, window });
      return audited(ctx, async (tx) => {
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
    },
  }),
);
