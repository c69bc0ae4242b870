import { builder } from "../../../../graphql/builder.js";
import type { VideoVisitAccess } from "../domain/join-video-visit.js";

export const VideoVisitAccessRef = builder.objectRef<VideoVisitAccess>("VideoVisitAccess").implement({
  description: "What a participant needs to join an appointment's video visit with Daily.co.",
  fields: (t) => ({
    roomUrl: t.exposeString("roomUrl", { description: "The Daily room; private, so it needs the token." }),
    token: t.exposeString("token", {
      description: "The participant's Daily meeting token (`?t=` or `join({ token })`).",
    }),
    expiresAt: t.expose("expiresAt", {
      type: "DateTime",
      description: "The token and the room stop working then (30 minutes after the appointment's end).",
    }),
    isOwner: t.exposeBoolean("isOwner", {
      description: "The specialist (or a manager) runs the call; the patient is a guest.",
    }),
  }),
});
