import {
  connectionBody,
  connectionSelection,
  mutationRoute,
  pageVariables,
  type V1Route,
} from "../../../http/v1/route.js";

const review = "id rating comment createdAt appointment { id } specialist { id } patient { id firstName lastName }";

export const appointmentReviewRoutes: V1Route[] = [
  mutationRoute({
    method: "POST",
    path: "/v1/appointments/:id/review",
    status: 201,
    mutation: "reviewAppointment",
    args: { input: "ReviewAppointmentInput!" },
    select: review,
    variables: ({ params, body }) => ({ input: { ...body, appointmentId: params.id } }),
  }),
  {
    method: "GET",
    path: "/v1/specialists/:id/reviews",
    document: `query SpecialistReviews($id: ID!, $first: Int, $after: String) {
      specialist(id: $id) { reviewSummary { count averageRating }
        reviews(first: $first, after: $after) { ${connectionSelection(review)} } } }`,
    variables: ({ params, query }) => ({ id: params.id, ...pageVariables(query) }),
    body: (value) => {
      const specialist = value as { reviewSummary: unknown; reviews: unknown };
      return { summary: specialist.reviewSummary, ...(connectionBody(specialist.reviews) as object) };
    },
  },
];
