import { describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import type { TestOrganization } from "../support/auth.js";
import { gqlData } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { v1 } from "../support/v1.js";
import { createPatient, linkPatientUser, requireOnboardingSteps } from "./fixtures.js";

const Complete = graphql(`
  mutation OnboardingComplete($patientId: ID!, $step: String!) {
    completePatientOnboardingStep(patientId: $patientId, step: $step) {
      __typename
      ... on MutationCompletePatientOnboardingStepSuccess {
        data { id status onboardedAt onboardingSteps { step required completedAt } }
      }
      ... on InvalidTransitionError { entity from to }
      ... on ValidationError { fields { path message } }
      ... on Error { code message }
    }
  }
`);

const Patient = graphql(`
  query OnboardingPatient($id: ID!) {
    patient(id: $id) { status onboardedAt onboardingSteps { step required completedAt } }
  }
`);

const server = useTestServer();

async function clinicWithSteps(steps: string[]): Promise<TestOrganization> {
  const org = await server.createOrganization();
  await requireOnboardingSteps(server.url, org, steps);
  return org;
}

describe("the onboarding flow", () => {
  it("goes invited → onboarding → active, recording when each required step was completed", async () => {
    const org = await clinicWithSteps(["consent", "intake-form"]);
    const patient = await createPatient(server.url, org);
    expect(patient.status).toBe("invited");
    expect((await gqlData(server.url, Patient, { id: patient.id }, org.owner)).patient).toEqual({
      status: "invited",
      onboardedAt: null,
      onboardingSteps: [
        { step: "consent", required: true, completedAt: null },
        { step: "intake-form", required: true, completedAt: null },
      ],
    });

    const first = (await gqlData(server.url, Complete, { patientId: patient.id, step: "intake-form" }, org.owner))
      .completePatientOnboardingStep;
    expect(first).toMatchObject({
      __typename: "MutationCompletePatientOnboardingStepSuccess",
      data: {
        status: "onboarding",
        onboardedAt: null,
        onboardingSteps: [
          { step: "consent", completedAt: null },
          { step: "intake-form", completedAt: expect.any(String) },
        ],
      },
    });

    const last = (await gqlData(server.url, Complete, { patientId: patient.id, step: "consent" }, org.owner))
      .completePatientOnboardingStep;
    if (last.__typename !== "MutationCompletePatientOnboardingStepSuccess") throw new Error(JSON.stringify(last));
    expect(last.data.status).toBe("active");
    const consentAt = last.data.onboardingSteps[0]?.completedAt as string;
    const intakeAt = last.data.onboardingSteps[1]?.completedAt as string;
    expect(last.data.onboardedAt).toBe(consentAt);
    expect(new Date(intakeAt).getTime()).toBeLessThanOrEqual(new Date(consentAt).getTime());

    // The domain events, recorded in the same transactions, for webhooks and automations.
    const events = await server.services.adminDb.domainEvent.findMany({
      where: {
        type: { in: ["patient.created", "patient.onboarded"] },
        data: { path: ["patientId"], equals: patient.id },
      },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ["patient.created", { patientId: patient.id, status: "invited" }],
      ["patient.onboarded", { patientId: patient.id, onboardedAt: consentAt }],
    ]);
  });

  it("lets the patient complete their own steps, and no one else's", async () => {
    const org = await clinicWithSteps(["consent"]);
    const own = await createPatient(server.url, org);
    const other = await createPatient(server.url, org);
    const member = await server.addMember(org, "patient");
    await linkPatientUser(server.url, org, own.id, member.userId);

    const mine = await gqlData(server.url, Complete, { patientId: own.id, step: "consent" }, member.headers);
    expect(mine.completePatientOnboardingStep).toMatchObject({ data: { status: "active" } });
    const theirs = await gqlData(server.url, Complete, { patientId: other.id, step: "consent" }, member.headers);
    expect(theirs.completePatientOnboardingStep).toMatchObject({ __typename: "NotFoundError" });
    expect((await gqlData(server.url, Patient, { id: other.id }, org.owner)).patient?.status).toBe("invited");
  });

  it("refuses a step the organization does not require, as a validation error on `step` (422)", async () => {
    const org = await clinicWithSteps(["consent"]);
    const patient = await createPatient(server.url, org);
    const result = await gqlData(server.url, Complete, { patientId: patient.id, step: "payment" }, org.owner);
    expect(result.completePatientOnboardingStep).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["step"], message: expect.stringContaining("consent") }],
    });
    const empty = await gqlData(server.url, Complete, { patientId: patient.id, step: "  " }, org.owner);
    expect(empty.completePatientOnboardingStep).toMatchObject({ __typename: "ValidationError" });
    const rest = await v1(server.url, "POST", `/v1/patients/${patient.id}/onboarding-steps`, org.owner, {
      step: "payment",
    });
    expect(rest.status).toBe(422);
    expect(rest.body.error.fields).toEqual([{ path: ["step"], message: expect.any(String) }]);
    expect((await gqlData(server.url, Patient, { id: patient.id }, org.owner)).patient?.status).toBe("invited");
  });

  it("refuses a step completed twice as a conflict (409)", async () => {
    const org = await clinicWithSteps(["consent", "intake-form"]);
    const patient = await createPatient(server.url, org);
    await gqlData(server.url, Complete, { patientId: patient.id, step: "consent" }, org.owner);
    const twice = await v1(server.url, "POST", `/v1/patients/${patient.id}/onboarding-steps`, org.owner, {
      step: "consent",
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("CONFLICT");
  });

  it("refuses any step once the patient is active: an invalid transition (409)", async () => {
    const org = await clinicWithSteps(["consent"]);
    const patient = await createPatient(server.url, org);
    await gqlData(server.url, Complete, { patientId: patient.id, step: "consent" }, org.owner);
    await requireOnboardingSteps(server.url, org, ["consent", "new-policy"]);
    const after = await gqlData(server.url, Complete, { patientId: patient.id, step: "new-policy" }, org.owner);
    expect(after.completePatientOnboardingStep).toMatchObject({
      __typename: "InvalidTransitionError",
      code: "INVALID_TRANSITION",
      entity: "Patient",
      from: "active",
      to: "onboarding",
    });
    const rest = await v1(server.url, "POST", `/v1/patients/${patient.id}/onboarding-steps`, org.owner, {
      step: "new-policy",
    });
    expect(rest.status).toBe(409);
    expect(rest.body.error.code).toBe("INVALID_TRANSITION");
  });

  it("makes patients active at once when the organization requires no step", async () => {
    const org = await server.createOrganization();
    const patient = await createPatient(server.url, org);
    expect(patient.status).toBe("active");
    const result = await gqlData(server.url, Complete, { patientId: patient.id, step: "consent" }, org.owner);
    expect(result.completePatientOnboardingStep.__typename).toBe("InvalidTransitionError");
  });

  it("keeps steps done that the organization no longer requires, marked as not required", async () => {
    const org = await clinicWithSteps(["consent", "intake-form"]);
    const patient = await createPatient(server.url, org);
    await gqlData(server.url, Complete, { patientId: patient.id, step: "intake-form" }, org.owner);
    await requireOnboardingSteps(server.url, org, ["consent"]);
    expect((await gqlData(server.url, Patient, { id: patient.id }, org.owner)).patient?.onboardingSteps).toEqual([
      { step: "consent", required: true, completedAt: null },
      { step: "intake-form", required: false, completedAt: expect.any(String) },
    ]);
  });

  it("activates the patients who have done every step that remains when the organization drops one", async () => {
    const org = await clinicWithSteps(["consent", "intake-form"]);
    const halfway = await createPatient(server.url, org);
    const untouched = await createPatient(server.url, org);
    await gqlData(server.url, Complete, { patientId: halfway.id, step: "intake-form" }, org.owner);
    await requireOnboardingSteps(server.url, org, ["intake-form"]);
    expect((await gqlData(server.url, Patient, { id: halfway.id }, org.owner)).patient).toMatchObject({
      status: "active",
      onboardedAt: expect.any(String),
    });
    expect((await gqlData(server.url, Patient, { id: untouched.id }, org.owner)).patient?.status).toBe("invited");
    await requireOnboardingSteps(server.url, org, []);
    expect((await gqlData(server.url, Patient, { id: untouched.id }, org.owner)).patient?.status).toBe("active");
  });

  it("serialises concurrent completions: every step is kept and the patient ends active", async () => {
    const org = await clinicWithSteps(["a", "b", "c"]);
    const patient = await createPatient(server.url, org);
    await Promise.all(
      ["a", "b", "c"].map((step) => gqlData(server.url, Complete, { patientId: patient.id, step }, org.owner)),
    );
    const { patient: after } = await gqlData(server.url, Patient, { id: patient.id }, org.owner);
    expect(after?.status).toBe("active");
    expect(after?.onboardingSteps.every((s) => s.completedAt !== null)).toBe(true);
  });
});
