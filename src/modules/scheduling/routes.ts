import {
  connectionBody,
  connectionSelection,
  pageVariables,
  typedResultDocument,
  type V1Route,
} from "../../http/v1/route.js";

const calendar = `id name kind slug active timezone slotIntervalMinutes bufferBeforeMinutes bufferAfterMinutes
  minimumNoticeMinutes bookingHorizonDays maxBookingsPerDayPerSpecialist
  campaign { validFrom validTo mode weeklyHours { weekday start end } } service { id name durationMinutes }
  createdAt updatedAt`;
const calendarSpecialist = "specialist { id firstName lastName timezone } weight addedAt";
const publicCalendar =
  "id name slug timezone slotIntervalMinutes serviceName durationMinutes specialists { id firstName lastName }";
const timeslot = "start end availableSpecialists specialistIds";
const weeklyRange = "weekday start end";
const override = "id date available ranges { start end } reason specialist { id } createdAt updatedAt";
const hold = "token calendarId specialistId start end expiresAt";

const mutation = (signature: string, call: string, payload: string, fields: string) =>
  typedResultDocument(`mutation ${signature}`, call, payload, fields);

/** Query-string values by name, leaving out the absent ones. */
const queryValues = (query: URLSearchParams, names: string[]) =>
  Object.fromEntries(names.flatMap((name) => (query.has(name) ? [[name, query.get(name)]] : [])));

export const schedulingRoutes: V1Route[] = [
  {
    method: "GET",
    path: "/v1/calendars",
    document: `query Calendars($first: Int, $after: String, $serviceId: ID, $kind: CalendarKind, $active: Boolean) {
      calendars(first: $first, after: $after, serviceId: $serviceId, kind: $kind, active: $active) { ${connectionSelection(calendar)} }
    }`,
    variables: ({ query }) => ({
      ...pageVariables(query),
      ...queryValues(query, ["serviceId", "kind"]),
      active: query.has("active") ? query.get("active") === "true" : undefined,
    }),
    body: connectionBody,
  },
  {
    method: "POST",
    path: "/v1/calendars",
    status: 201,
    document: mutation(
      "CreateCalendar($input: CreateCalendarInput!)",
      "createCalendar(input: $input)",
      "MutationCreateCalendarSuccess",
      calendar,
    ),
    variables: ({ body }) => ({ input: body }),
  },
  {
    method: "GET",
    path: "/v1/calendars/by-slug/:slug",
    document: `query PublicCalendar($slug: String!) { publicCalendar(slug: $slug) { ${publicCalendar} } }`,
    variables: ({ params }) => ({ slug: params.slug }),
  },
  {
    method: "GET",
    path: "/v1/calendars/:id",
    document: `query Calendar($id: ID!) { calendar(id: $id) { ${calendar} } }`,
    variables: ({ params }) => ({ id: params.id }),
  },
  {
    method: "PATCH",
    path: "/v1/calendars/:id",
    document: mutation(
      "UpdateCalendar($id: ID!, $input: UpdateCalendarInput!)",
      "updateCalendar(id: $id, input: $input)",
      "MutationUpdateCalendarSuccess",
      calendar,
    ),
    variables: ({ params, body }) => ({ id: params.id, input: body }),
  },
  {
    method: "DELETE",
    path: "/v1/calendars/:id",
    status: 204,
    document: mutation("DeleteCalendar($id: ID!)", "deleteCalendar(id: $id)", "MutationDeleteCalendarSuccess", "id"),
    variables: ({ params }) => ({ id: params.id }),
  },
  {
    method: "GET",
    path: "/v1/calendars/:id/specialists",
    document: `query CalendarSpecialists($id: ID!, $first: Int, $after: String) {
      calendar(id: $id) { specialists(first: $first, after: $after) { ${connectionSelection(calendarSpecialist)} } }
    }`,
    variables: ({ params, query }) => ({ id: params.id, ...pageVariables(query) }),
    body: (value) => connectionBody((value as { specialists: unknown }).specialists),
  },
  {
    method: "PUT",
    path: "/v1/calendars/:id/specialists/:specialistId",
    document: mutation(
      "AttachCalendarSpecialist($input: AttachCalendarSpecialistInput!)",
      "attachCalendarSpecialist(input: $input)",
      "MutationAttachCalendarSpecialistSuccess",
      calendar,
    ),
    variables: ({ params, body }) => ({
      input: { ...body, calendarId: params.id, specialistId: params.specialistId },
    }),
  },
  {
    method: "DELETE",
    path: "/v1/calendars/:id/specialists/:specialistId",
    document: mutation(
      "DetachCalendarSpecialist($calendarId: ID!, $specialistId: ID!)",
      "detachCalendarSpecialist(calendarId: $calendarId, specialistId: $specialistId)",
      "MutationDetachCalendarSpecialistSuccess",
      calendar,
    ),
    variables: ({ params }) => ({ calendarId: params.id, specialistId: params.specialistId }),
  },
  {
    method: "GET",
    path: "/v1/calendars/:id/timeslots",
    document: typedResultDocument(
      "query Timeslots($calendarId: ID!, $from: String!, $to: String!, $timeZone: String!, $specialistId: ID)",
      "timeslots(calendarId: $calendarId, from: $from, to: $to, timeZone: $timeZone, specialistId: $specialistId)",
      "QueryTimeslotsSuccess",
      timeslot,
    ),
    variables: ({ params, query }) => ({
      calendarId: params.id,
      ...queryValues(query, ["from", "to", "timeZone", "specialistId"]),
    }),
  },
  {
    method: "GET",
    path: "/v1/specialists/:id/weekly-hours",
    document: `query WeeklyHours($specialistId: ID!) { weeklyHours(specialistId: $specialistId) { ${weeklyRange} } }`,
    variables: ({ params }) => ({ specialistId: params.id }),
  },
  {
    method: "PUT",
    path: "/v1/specialists/:id/weekly-hours",
    document: mutation(
      "SetWeeklyHours($input: SetWeeklyHoursInput!)",
      "setWeeklyHours(input: $input)",
      "MutationSetWeeklyHoursSuccess",
      weeklyRange,
    ),
    variables: ({ params, body }) => ({ input: { ...body, specialistId: params.id } }),
  },
  {
    method: "GET",
    path: "/v1/specialists/:id/schedule-overrides",
    document: `query ScheduleOverrides($specialistId: ID!, $first: Int, $after: String, $from: String, $to: String) {
      scheduleOverrides(specialistId: $specialistId, first: $first, after: $after, from: $from, to: $to) { ${connectionSelection(override)} }
    }`,
    variables: ({ params, query }) => ({
      specialistId: params.id,
      ...pageVariables(query),
      ...queryValues(query, ["from", "to"]),
    }),
    body: connectionBody,
  },
  {
    method: "POST",
    path: "/v1/specialists/:id/schedule-overrides",
    status: 201,
    document: mutation(
      "CreateScheduleOverride($input: CreateScheduleOverrideInput!)",
      "createScheduleOverride(input: $input)",
      "MutationCreateScheduleOverrideSuccess",
      override,
    ),
    variables: ({ params, body }) => ({ input: { ...body, specialistId: params.id } }),
  },
  {
    method: "PATCH",
    path: "/v1/specialists/:id/schedule-overrides/:overrideId",
    document: mutation(
      "UpdateScheduleOverride($id: ID!, $specialistId: ID!, $input: UpdateScheduleOverrideInput!)",
      "updateScheduleOverride(id: $id, specialistId: $specialistId, input: $input)",
      "MutationUpdateScheduleOverrideSuccess",
      override,
    ),
    variables: ({ params, body }) => ({ id: params.overrideId, specialistId: params.id, input: body }),
  },
  {
    method: "DELETE",
    path: "/v1/specialists/:id/schedule-overrides/:overrideId",
    status: 204,
    document: mutation(
      "DeleteScheduleOverride($id: ID!, $specialistId: ID!)",
      "deleteScheduleOverride(id: $id, specialistId: $specialistId)",
      "MutationDeleteScheduleOverrideSuccess",
      "id",
    ),
    variables: ({ params }) => ({ id: params.overrideId, specialistId: params.id }),
  },
  {
    method: "POST",
    path: "/v1/holds",
    status: 201,
    document: mutation(
      "CreateHold($input: CreateHoldInput!)",
      "createHold(input: $input)",
      "MutationCreateHoldSuccess",
      hold,
    ),
    variables: ({ body }) => ({ input: body }),
  },
  {
    method: "GET",
    path: "/v1/holds/:token",
    document: `query Hold($token: String!) { hold(token: $token) { ${hold} } }`,
    variables: ({ params }) => ({ token: params.token }),
  },
  {
    method: "POST",
    path: "/v1/holds/:token/extend",
    document: mutation("ExtendHold($token: String!)", "extendHold(token: $token)", "MutationExtendHoldSuccess", hold),
    variables: ({ params }) => ({ token: params.token }),
  },
  {
    method: "DELETE",
    path: "/v1/holds/:token",
    document: mutation(
      "ReleaseHold($token: String!)",
      "releaseHold(token: $token)",
      "MutationReleaseHoldSuccess",
      hold,
    ),
    variables: ({ params }) => ({ token: params.token }),
  },
];
