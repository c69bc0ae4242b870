import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import { createMember, createPatientUser, createSpecialist } from "../services/fixtures.js";
import type { TestOrganization } from "../support/auth.js";
import { gql, gqlData, uuidOf } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { v1 } from "../support/v1.js";
import { createAppointment } from "./fixtures.js";

const Review = graphql(`
  mutation AppointmentReviewsReview($input: ReviewAppointmentInput!) {
    reviewAppointment(input: $input) {
      __typename
      ... on MutationReviewAppointmentSuccess { data { id rating comment } }
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

const AppointmentReview = graphql(`
  query AppointmentReviewsOfAppointment($id: ID!) {
    node(id: $id) { ... on Appointment { review { rating comment patient { id } specialist { id } } } }
  }
`);

const Summaries = graphql(`
  query AppointmentReviewsSummaries($first: Int!) {
    specialists(first: $first) { edges { node { id reviewSummary { count averageRating } } } }
  }
`);

const server = useTestServer({
  container: {
    onQuery: (sql) => {
      if (sql.includes('"appointment_reviews"')) reviewReads++;
    },
  },
});
let a: TestOrganization;
let b: TestOrganization;
/** SQL statements of the API connection that read reviews. */
let reviewReads = 0;

beforeAll(async () => {
  [a, b] = await Promise.all([server.createOrganization("A"), server.createOrganization("B")]);
});

const review = (appointmentId: string, rating = 5, comment?: string) => ({
  input: { appointmentId, rating, comment },
});

describe("reviewing an appointment", () => {
  it("lets the patient rate their own done appointment once; staff see it on the appointment, with an audit row", async () => {
    const patient = await createPatientUser(server, a);
    const appointment = await createAppointment(server, a, { patientId: patient.patientId, status: "done" });
    const created = await v1(server.url, "POST", `/v1/appointments/${appointment.id}/review`, patient.headers, {
      rating: 4,
      comment: "  Helpful and on time  ",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      rating: 4,
      comment: "Helpful and on time",
      patient: { id: patient.patientId },
    });

    const seen = await gqlData(server.url, AppointmentReview, { id: appointment.id }, a.owner);
    expect(seen.node).toEqual({
      review: {
        rating: 4,
        comment: "Helpful and on time",
        patient: { id: patient.patientId },
        specialist: { id: appointment.specialistId },
      },
    });
    const again = await v1(server.url, "POST", `/v1/appointments/${appointment.id}/review`, patient.headers, {
      rating: 1,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe("This appointment has already been reviewed");
    expect(
      await server.services.adminDb.appointmentReview.count({ where: { appointmentId: uuidOf(appointment.id) } }),
    ).toBe(1);
    expect(
      await server.services.adminDb.auditLog.count({
        where: {
          entityId: uuidOf(created.body.id),
          action: "appointment_review.create",
          actorPatientId: uuidOf(patient.patientId),
        },
      }),
    ).toBe(1);
  });

  it("refuses an appointment that is not done (409)", async () => {
    const patient = await createPatientUser(server, a);
    for (const status of ["booked", "upcoming", "in_progress", "no_show"] as const) {
      const appointment = await createAppointment(server, a, { patientId: patient.patientId, status });
      const result = await gqlData(server.url, Review, review(appointment.id), patient.headers);
      expect(result.reviewAppointment).toEqual({
        __typename: "ConflictError",
        code: "CONFLICT",
        message: `Only a done appointment can be reviewed; this one is ${status}`,
      });
    }
  });

  it("refuses staff (ForbiddenError) and another patient's appointment (not found)", async () => {
    const patient = await createPatientUser(server, a);
    const other = await createPatientUser(server, a);
    const appointment = await createAppointment(server, a, { patientId: patient.patientId, status: "done" });
    const staff = await createMember(server, a, "staff");
    for (const headers of [a.owner, staff.headers]) {
      const result = await gqlData(server.url, Review, review(appointment.id), headers);
      expect(result.reviewAppointment).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    }
    expect(
      (await v1(server.url, "POST", `/v1/appointments/${appointment.id}/review`, a.owner, { rating: 5 })).status,
    ).toBe(403);
    const stranger = await gqlData(server.url, Review, review(appointment.id), other.headers);
    expect(stranger.reviewAppointment).toMatchObject({ __typename: "NotFoundError" });
    expect(
      await server.services.adminDb.appointmentReview.count({ where: { appointmentId: uuidOf(appointment.id) } }),
    ).toBe(0);
  });

  it("checks the rating (integer 1 to 5) and the comment (at most 2000 characters)", async () => {
    const patient = await createPatientUser(server, a);
    const appointment = await createAppointment(server, a, { patientId: patient.patientId, status: "done" });
    for (const rating of [0, 6]) {
      const result = await gqlData(server.url, Review, review(appointment.id, rating), patient.headers);
      expect(result.reviewAppointment).toMatchObject({
        __typename: "ValidationError",
        fields: [{ path: ["input", "rating"], message: "must be 1 to 5" }],
      });
    }
    const fractional = await gql(server.url, Review, review(appointment.id, 4.5), patient.headers);
    expect(fractional.errors?.[0]?.message).toMatch(/Int cannot represent non-integer value/);
    const long = await v1(server.url, "POST", `/v1/appointments/${appointment.id}/review`, patient.headers, {
      rating: 3,
      comment: "x".repeat(2001),
    });
    expect(long.status).toBe(422);
    expect(long.body.error.fields).toEqual([
      { path: ["input", "comment"], message: "must be at most 2000 characters" },
    ]);
    const longest = await gqlData(server.url, Review, review(appointment.id, 3, "x".repeat(2000)), patient.headers);
    expect(longest.reviewAppointment.__typename).toBe("MutationReviewAppointmentSuccess");
  });
});

describe("reviews per specialist", () => {
  it("sums a list of specialists' reviews in one query, and lists a specialist's reviews newest first for staff", async () => {
    const org = await server.createOrganization("Ratings");
    const patient = await createPatientUser(server, org);
    const [rated, unrated] = [await createSpecialist(server, org), await createSpecialist(server, org)];
    const ids: string[] = [];
    for (const rating of [5, 4, 2]) {
      const appointment = await createAppointment(server, org, {
        patientId: patient.patientId,
        specialistId: rated,
        status: "done",
      });
      const result = await gqlData(server.url, Review, review(appointment.id, rating), patient.headers);
      if (result.reviewAppointment.__typename === "MutationReviewAppointmentSuccess")
        ids.push(result.reviewAppointment.data.id);
    }
    for (let i = 0; i < 5; i++) await createSpecialist(server, org);

    reviewReads = 0;
    const { specialists } = await gqlData(server.url, Summaries, { first: 50 }, org.owner);
    expect(reviewReads).toBe(1);
    const summaries = new Map(specialists.edges.map((e) => [e.node.id, e.node.reviewSummary]));
    expect(summaries.size).toBe(7);
    expect(summaries.get(rated)).toEqual({ count: 3, averageRating: 11 / 3 });
    expect(summaries.get(unrated)).toEqual({ count: 0, averageRating: null });

    const listed = await v1(server.url, "GET", `/v1/specialists/${rated}/reviews?first=2`, org.owner);
    expect(listed.status).toBe(200);
    expect(listed.body.summary).toEqual({ count: 3, averageRating: 11 / 3 });
    expect(listed.body.data.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
    expect(listed.body.pageInfo.hasNextPage).toBe(true);

    const asPatient = await v1(server.url, "GET", `/v1/specialists/${rated}/reviews`, patient.headers);
    expect(asPatient.status).toBe(403);
  });

  it("keeps another organization's reviews out of reach: not found", async () => {
    const patient = await createPatientUser(server, a);
    const appointment = await createAppointment(server, a, { patientId: patient.patientId, status: "done" });
    await gqlData(server.url, Review, review(appointment.id, 5), patient.headers);
    const outsider = await createPatientUser(server, b);
    const result = await gqlData(server.url, Review, review(appointment.id, 1), outsider.headers);
    expect(result.reviewAppointment).toMatchObject({ __typename: "NotFoundError" });
    expect((await v1(server.url, "GET", `/v1/specialists/${appointment.specialistId}/reviews`, b.owner)).status).toBe(
      404,
    );
    expect((await gqlData(server.url, AppointmentReview, { id: appointment.id }, b.owner)).node).toBeNull();
    const stored = await server.services.adminDb.appointmentReview.findUniqueOrThrow({
      where: { appointmentId: uuidOf(appointment.id) },
    });
    expect(stored.rating).toBe(5);
  });
});
