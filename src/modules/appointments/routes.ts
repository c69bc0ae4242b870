import {
  connectionBody,
  connectionSelection,
  mutationRoute,
  pageVariables,
  queryParams,
  queryRoute,
  type V1Request,
  type V1Route,
} from "../../http/v1/route.js";

const appointment = `id status start end bufferBeforeMinutes bufferAfterMinutes source notes onboardingIncomplete
  calendar { id name } service { id name } specialist { id firstName lastName } patient { id firstName lastName }
  addOns { id name } patientServicePlan { id } cancelledAt cancelledBy cancellationReason startedAt completedAt
  rescheduleCount createdAt updatedAt`;
const booking = `appointmentId status start end onboardingIncomplete appointment { ${appointment} }`;

/** The agenda filter from the query string; repeat `specialistId`, `serviceId` or `status` for several. */
const agendaVariables = ({ query }: V1Request) => ({
  ...pageVariables(query),
  ...queryParams(query, {
    from: "string",
    to: "string",
    specialistIds: { list: "specialistId" },
    serviceIds: { list: "serviceId" },
    statuses: { list: "status" },
    patientId: "string",
  }),
});

const agendaDocument = `query Agenda($from: DateTime!, $to: DateTime!, $specialistIds: [ID!], $serviceIds: [ID!],
    $statuses: [AppointmentStatus!], $patientId: ID, $first: Int, $after: String) {
  agenda(from: $from, to: $to, specialistIds: $specialistIds, serviceIds: $serviceIds, statuses: $statuses,
    patientId: $patientId, first: $first, after: $after) {
    __typename ... on Error { code message } ... on ValidationError { fields { path message } }
    ... on QueryAgendaSuccess { data { ${connectionSelection(appointment)} } }
  }
}`;

/** `POST /v1/appointments/:id/<verb>`: one status mutation, with `{ reason }` from the body for cancel. */
const statusRoute = (verb: string, mutation: string, withReason = false): V1Route =>
  mutationRoute({
    method: "POST",
    path: `/v1/appointments/:id/${verb}`,
    mutation,
    args: withReason ? { id: "ID!", reason: "String" } : { id: "ID!" },
    select: appointment,
    variables: ({ params, body }) => ({ id: params.id, ...(withReason && { reason: body.reason }) }),
  });

export const appointmentRoutes: V1Route[] = [
  {
    method: "GET",
    path: "/v1/calendar",
    document: agendaDocument,
    variables: agendaVariables,
    body: connectionBody,
  },
  {
    method: "GET",
    path: "/v1/appointments",
    document: agendaDocument,
    variables: agendaVariables,
    body: connectionBody,
  },
  mutationRoute({
    method: "POST",
    path: "/v1/appointments",
    status: 201,
    mutation: "bookAppointment",
    args: { input: "BookAppointmentInput!" },
    select: booking,
    variables: ({ body, headers }) => ({
      input: { ...body, idempotencyKey: headers.get("idempotency-key") ?? body.idempotencyKey },
    }),
  }),
  queryRoute({ path: "/v1/appointments/:id", query: "appointment", args: { id: "ID!" }, select: appointment }),
  statusRoute("confirm", "confirmAppointment"),
  statusRoute("start", "startAppointment"),
  statusRoute("complete", "completeAppointment"),
  statusRoute("no-show", "markAppointmentNoShow"),
  statusRoute("cancel", "cancelAppointment", true),
  mutationRoute({
    method: "POST",
    path: "/v1/appointments/:id/reschedule",
    mutation: "rescheduleAppointment",
    args: { id: "ID!", input: "RescheduleAppointmentInput!" },
    select: appointment,
  }),
];
