import {
  listRoute,
  mutationRoute,
  queryParams,
  queryRoute,
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

export const schedulingRoutes: V1Route[] = [
  listRoute({
    path: "/v1/calendars",
    connection: "calendars",
    args: { serviceId: "ID", kind: "CalendarKind", active: "Boolean" },
    params: { serviceId: "string", kind: "string", active: "boolean" },
    select: calendar,
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/calendars",
    status: 201,
    mutation: "createCalendar",
    args: { input: "CreateCalendarInput!" },
    select: calendar,
  }),
  queryRoute({
    path: "/v1/calendars/by-slug/:slug",
    query: "publicCalendar",
    args: { slug: "String!" },
    select: publicCalendar,
  }),
  queryRoute({ path: "/v1/calendars/:id", query: "calendar", args: { id: "ID!" }, select: calendar }),
  mutationRoute({
    method: "PATCH",
    path: "/v1/calendars/:id",
    mutation: "updateCalendar",
    args: { id: "ID!", input: "UpdateCalendarInput!" },
    select: calendar,
  }),
  mutationRoute({
    method: "DELETE",
    path: "/v1/calendars/:id",
    status: 204,
    mutation: "deleteCalendar",
    args: { id: "ID!" },
    select: "id",
  }),
  listRoute({
    path: "/v1/calendars/:id/specialists",
    connection: "calendar.specialists",
    args: { id: "ID!" },
    select: calendarSpecialist,
  }),
  mutationRoute({
    method: "PUT",
    path: "/v1/calendars/:id/specialists/:specialistId",
    mutation: "attachCalendarSpecialist",
    args: { input: "AttachCalendarSpecialistInput!" },
    select: calendar,
    variables: ({ params, body }) => ({ input: { ...body, calendarId: params.id, specialistId: params.specialistId } }),
  }),
  mutationRoute({
    method: "DELETE",
    path: "/v1/calendars/:id/specialists/:specialistId",
    mutation: "detachCalendarSpecialist",
    args: { calendarId: "ID!", specialistId: "ID!" },
    select: calendar,
    variables: ({ params }) => ({ calendarId: params.id, specialistId: params.specialistId }),
  }),
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
      ...queryParams(query, { from: "string", to: "string", timeZone: "string", specialistId: "string" }),
    }),
  },
  queryRoute({
    path: "/v1/specialists/:id/weekly-hours",
    query: "weeklyHours",
    args: { specialistId: "ID!" },
    select: weeklyRange,
    variables: ({ params }) => ({ specialistId: params.id }),
  }),
  mutationRoute({
    method: "PUT",
    path: "/v1/specialists/:id/weekly-hours",
    mutation: "setWeeklyHours",
    args: { input: "SetWeeklyHoursInput!" },
    select: weeklyRange,
    variables: ({ params, body }) => ({ input: { ...body, specialistId: params.id } }),
  }),
  listRoute({
    path: "/v1/specialists/:id/schedule-overrides",
    connection: "scheduleOverrides",
    args: { specialistId: "ID!", from: "String", to: "String" },
    params: { from: "string", to: "string" },
    select: override,
    variables: ({ params }) => ({ specialistId: params.id }),
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/specialists/:id/schedule-overrides",
    status: 201,
    mutation: "createScheduleOverride",
    args: { input: "CreateScheduleOverrideInput!" },
    select: override,
    variables: ({ params, body }) => ({ input: { ...body, specialistId: params.id } }),
  }),
  mutationRoute({
    method: "PATCH",
    path: "/v1/specialists/:id/schedule-overrides/:overrideId",
    mutation: "updateScheduleOverride",
    args: { id: "ID!", specialistId: "ID!", input: "UpdateScheduleOverrideInput!" },
    select: override,
    variables: ({ params, body }) => ({ id: params.overrideId, specialistId: params.id, input: body }),
  }),
  mutationRoute({
    method: "DELETE",
    path: "/v1/specialists/:id/schedule-overrides/:overrideId",
    status: 204,
    mutation: "deleteScheduleOverride",
    args: { id: "ID!", specialistId: "ID!" },
    select: "id",
    variables: ({ params }) => ({ id: params.overrideId, specialistId: params.id }),
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/holds",
    status: 201,
    mutation: "createHold",
    args: { input: "CreateHoldInput!" },
    select: hold,
  }),
  queryRoute({ path: "/v1/holds/:token", query: "hold", args: { token: "String!" }, select: hold }),
  mutationRoute({
    method: "POST",
    path: "/v1/holds/:token/extend",
    mutation: "extendHold",
    args: { token: "String!" },
    select: hold,
  }),
  mutationRoute({
    method: "DELETE",
    path: "/v1/holds/:token",
    mutation: "releaseHold",
    args: { token: "String!" },
    select: hold,
  }),
];
