import { graphql } from "../generated/gql.js";

/*
 * The scheduling feature's calendar, weekly-hours, override and hold mutations, selecting every
 * field of their results, for any test that calls them (set-up, roles, cross-tenant checks).
 */

export const CreateCalendar = graphql(`
  mutation CreateCalendar($input: CreateCalendarInput!) {
    createCalendar(input: $input) {
      __typename
      ... on MutationCreateCalendarSuccess {
        data {
          id name kind slug active timezone slotIntervalMinutes bufferBeforeMinutes bufferAfterMinutes minimumNoticeMinutes
          bookingHorizonDays maxBookingsPerDayPerSpecialist service { id name durationMinutes }
          campaign { validFrom validTo mode weeklyHours { weekday start end } }
        }
      }
      ... on Error { code message }
      ... on NotFoundError { entity }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const UpdateCalendar = graphql(`
  mutation UpdateCalendar($id: ID!, $input: UpdateCalendarInput!) {
    updateCalendar(id: $id, input: $input) {
      __typename
      ... on MutationUpdateCalendarSuccess {
        data { id name kind slug maxBookingsPerDayPerSpecialist bufferAfterMinutes campaign { mode weeklyHours { weekday start end } } }
      }
      ... on Error { code message }
      ... on NotFoundError { entity }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const DeleteCalendar = graphql(`
  mutation DeleteCalendar($id: ID!) {
    deleteCalendar(id: $id) {
      __typename
      ... on MutationDeleteCalendarSuccess { data { id } }
      ... on Error { code message }
      ... on NotFoundError { entity }
    }
  }
`);

export const AttachCalendarSpecialist = graphql(`
  mutation AttachCalendarSpecialist($input: AttachCalendarSpecialistInput!) {
    attachCalendarSpecialist(input: $input) {
      __typename
      ... on Error { code message }
      ... on NotFoundError { entity }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const DetachCalendarSpecialist = graphql(`
  mutation DetachCalendarSpecialist($calendarId: ID!, $specialistId: ID!) {
    detachCalendarSpecialist(calendarId: $calendarId, specialistId: $specialistId) {
      __typename
      ... on Error { code message }
      ... on NotFoundError { entity }
    }
  }
`);

export const SetWeeklyHours = graphql(`
  mutation SetWeeklyHours($input: SetWeeklyHoursInput!) {
    setWeeklyHours(input: $input) {
      __typename
      ... on MutationSetWeeklyHoursSuccess { data { weekday start end } }
      ... on Error { code message }
      ... on NotFoundError { entity }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const CreateScheduleOverride = graphql(`
  mutation CreateScheduleOverride($input: CreateScheduleOverrideInput!) {
    createScheduleOverride(input: $input) {
      __typename
      ... on MutationCreateScheduleOverrideSuccess { data { id date available ranges { start end } reason } }
      ... on Error { code message }
      ... on NotFoundError { entity }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const UpdateScheduleOverride = graphql(`
  mutation UpdateScheduleOverride($id: ID!, $input: UpdateScheduleOverrideInput!) {
    updateScheduleOverride(id: $id, input: $input) {
      __typename
      ... on MutationUpdateScheduleOverrideSuccess { data { id date available ranges { start end } reason } }
      ... on Error { code message }
      ... on NotFoundError { entity }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const DeleteScheduleOverride = graphql(`
  mutation DeleteScheduleOverride($id: ID!) {
    deleteScheduleOverride(id: $id) {
      __typename
      ... on Error { code message }
      ... on NotFoundError { entity }
    }
  }
`);

export const ExtendHold = graphql(`
  mutation ExtendHold($token: String!) {
    extendHold(token: $token) {
      __typename
      ... on MutationExtendHoldSuccess { data { token expiresAt } }
      ... on Error { code message }
      ... on NotFoundError { entity }
    }
  }
`);

export const ReleaseHold = graphql(`
  mutation ReleaseHold($token: String!) {
    releaseHold(token: $token) {
      __typename
      ... on MutationReleaseHoldSuccess { data { token start } }
      ... on Error { code message }
      ... on NotFoundError { entity }
    }
  }
`);
