import { mutationDocument, type V1Route } from "../../../http/v1/route.js";

/** Video visits. `:id` is the appointment's id as GraphQL gives it. */
export const videoRoutes: V1Route[] = [
  {
    method: "POST",
    path: "/v1/appointments/:id/video-token",
    document: mutationDocument(
      "JoinVideoVisit($appointmentId: ID!)",
      "joinVideoVisit(appointmentId: $appointmentId)",
      "MutationJoinVideoVisitSuccess",
      "roomUrl token expiresAt isOwner",
    ),
    variables: ({ params }) => ({ appointmentId: params.id }),
  },
];
