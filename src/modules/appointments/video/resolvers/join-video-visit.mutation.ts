import { ForbiddenError, NotFoundError } from "../../../../errors.js";
import { builder } from "../../../../graphql/builder.js";
import { memberRoles } from "../../../../identity/roles.js";
import { AppointmentRef } from "../../graphql-refs.js";
import { joinVideoVisit } from "../domain/join-video-visit.js";
import { VideoProviderError, VideoUnavailableError } from "../errors.js";
import { VideoVisitAccessRef } from "../types/video-visit-access.type.js";

builder.mutationField("joinVideoVisit", (t) =>
  t.field({
    type: VideoVisitAccessRef,
    description:
      "A Daily.co meeting token for the appointment's video visit: the specialist joins as owner, the patient as guest (owners and admins may join as owner). Valid from 10 minutes before the start to 30 minutes after the end; makes the room if the background job has not yet.",
    authScopes: { orgRole: memberRoles },
    errors: { types: [NotFoundError, ForbiddenError, VideoUnavailableError, VideoProviderError] },
    args: { appointmentId: t.arg.globalID({ for: AppointmentRef }) },
    resolve: (_root, { appointmentId }, ctx) =>
      joinVideoVisit(ctx.database, ctx, { appointmentId: appointmentId.id }, { config: ctx.services.config }),
  }),
);
