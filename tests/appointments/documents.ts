import { graphql } from "../generated/gql.js";

/* The appointment lifecycle's mutations, selecting every field of their results, for any test that calls them. */

export const CancelAppointment = graphql(`
  mutation CancelAppointment($id: ID!, $reason: String) {
    cancelAppointment(id: $id, reason: $reason) {
      __typename
      ... on MutationCancelAppointmentSuccess { data { id status cancelledBy cancellationReason cancelledAt } }
      ... on Error { code message }
      ... on InvalidTransitionError { from to }
    }
  }
`);

export const RescheduleAppointment = graphql(`
  mutation RescheduleAppointment($id: ID!, $input: RescheduleAppointmentInput!) {
    rescheduleAppointment(id: $id, input: $input) {
      __typename
      ... on MutationRescheduleAppointmentSuccess { data { id status start end rescheduleCount specialist { id } } }
      ... on Error { code message }
      ... on InvalidTransitionError { from to }
      ... on ValidationError { fields { path message } }
    }
  }
`);
