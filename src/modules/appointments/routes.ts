import {
  connectionBody,
  connectionSelection,
  mutationDocument,
  pageVariables,
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
  from: query.get("from"),
  to: query.get("to"),
  specialistIds: query.getAll("specialistId"),
  serviceIds: query.getAll("serviceId"),
  statuses: query.getAll("status"),
  patientId: query.get("patientId") ?? undefined,
});

const agendaDocument = `query Agenda($from: DateTime!, $to: DateTime!, $specialistIds: [ID!], $serviceIds: [ID!],
    $statuses: [AppointmentStatus!], $patientId: ID, $first: Int, $after: String) {
  agenda(from: $from, to: $to, specialistIds: $specialistIds, serviceIds: $serviceIds, statuses: $statuses,
    patientId: $patientId, first: $first, after: $after) {
    __typename ... on Error { code message } ... on ValidationError { fields { path message } }
    ... on QueryAgendaSuccess { data { ${connectionSelection(appointment)} } }
  }
}`;

/** `POST /v1/appointments/:id/<verb>`: one status mutation (`field`), with `{ reason }` from the body for cancel. */
const statusRoute = (verb: string, field: string, withReason = false): V1Route => {
  const operation = `${field[0]?.toUpperCase()}${field.slice(1)}`;
  return {
    method: "POST",
    path: `/v1/appointments/:id/${verb}`,
    document: mutationDocument(
      `${operation}($id: ID!${withReason ? ", $reason: String" : ""})`,
      `${field}(id: $id${withReason ? ", reason: $reason" : ""})`,
      `Mutation${operation}Success`,
      appointment,
    ),
    variables: ({ params, body }) => ({ id: params.id, ...(withReason && { reason: body.reason }) }),
  };
};

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
  {
    method: "POST",
    path: "/v1/appointments",
    status: 201,
    document: mutationDocument(
      "BookAppointment($input: BookAppointmentInput!)",
      "bookAppointment(input: $input)",
      "MutationBookAppointmentSuccess",
      booking,
    ),
    variables: ({ body, headers }) => ({
      input: { ...body, idempotencyKey: headers.get("idempotency-key") ?? body.idempotencyKey },
    }),
  },
  {
    method: "GET",
    path: "/v1/appointments/:id",
    document: `query Appointment($id: ID!) { appointment(id: $id) { ${appointment} } }`,
    variables: ({ params }) => ({ id: params.id }),
  },
  statusRoute("confirm", "confirmAppointment"),
  statusRoute("start", "startAppointment"),
  statusRoute("complete", "completeAppointment"),
  statusRoute("no-show", "markAppointmentNoShow"),
  statusRoute("cancel", "cancelAppointment", true),
  {
    method: "POST",
    path: "/v1/appointments/:id/reschedule",
    document: mutationDocument(
      "RescheduleAppointment($id: ID!, $input: RescheduleAppointmentInput!)",
      "rescheduleAppointment(id: $id, input: $input)",
      "MutationRescheduleAppointmentSuccess",
      appointment,
    ),
    variables: ({ params, body }) => ({ id: params.id, input: body }),
  },
];
