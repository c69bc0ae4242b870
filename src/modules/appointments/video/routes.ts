import { mutationRoute, type V1Route } from "../../../http/v1/route.js";

/** Video visits. `:id` is the appointment's id as GraphQL gives it. */
export const videoRoutes: V1Route[] = [
  mutationRoute({
    method: "POST",
    path: "/v1/appointments/:id/video-token",
    mutation: "joinVideoVisit",
    args: { appointmentId: "ID!" },
    select: "roomUrl token expiresAt isOwner",
    variables: ({ params }) => ({ appointmentId: params.id }),
  }),
];
