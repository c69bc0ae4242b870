/**
 * The GraphQL operations of the booking widget, here rather than in the page's script so a test
 * validates them against the schema. The route runs `calendarQuery` to render the page.
 */
export const calendarQuery = /* GraphQL */ `
  query BookingWidgetCalendar($slug: String!) {
    publicCalendar(slug: $slug) { id name serviceName durationMinutes }
  }
`;

/** The operations the page's script sends; it receives them embedded in the page. */
export const clientOperations = {
  timeslotsChanged: /* GraphQL */ `
    subscription BookingWidgetTimeslots($calendarId: ID!, $from: String!, $to: String!, $timeZone: String!) {
      timeslotsChanged(calendarId: $calendarId, from: $from, to: $to, timeZone: $timeZone) { slots { start } }
    }
  `,
  createHold: /* GraphQL */ `
    mutation BookingWidgetHold($input: CreateHoldInput!) {
      createHold(input: $input) {
        __typename
        ... on MutationCreateHoldSuccess { data { token start expiresAt } }
        ... on Error { message }
      }
    }
  `,
  releaseHold: /* GraphQL */ `
    mutation BookingWidgetRelease($token: String!) {
      releaseHold(token: $token) { __typename }
    }
  `,
  bookAppointment: /* GraphQL */ `
    mutation BookingWidgetBook($input: BookAppointmentInput!) {
      bookAppointment(input: $input) {
        __typename
        ... on MutationBookAppointmentSuccess { data { appointmentId start } }
        ... on Error { message }
        ... on ValidationError { fields { path message } }
      }
    }
  `,
};
