import { graphql } from "../generated/gql.js";
import type { CreatePatientInput } from "../generated/graphql.js";
import type { Headers, TestOrganization } from "../support/auth.js";
import { gqlData } from "../support/graphql.js";
import { UpdateOrganization } from "../support/organization-documents.js";

const CreatePatient = graphql(`
  mutation PatientsFixtureCreate($input: CreatePatientInput!) {
    createPatient(input: $input) {
      __typename
      ... on MutationCreatePatientSuccess { data { id status } }
      ... on Error { message }
    }
  }
`);

const LinkPatientUser = graphql(`
  mutation PatientsFixtureLink($input: LinkPatientUserInput!) {
    linkPatientUser(input: $input) { __typename ... on Error { message } }
  }
`);

/** A patient created by the organization's owner (or `as`). */
export async function createPatient(
  url: string,
  org: TestOrganization,
  input: Partial<CreatePatientInput> = {},
  as: Headers = org.owner,
): Promise<{ id: string; status: string }> {
  const result = await gqlData(url, CreatePatient, { input: { firstName: "Pat", lastName: "Ient", ...input } }, as);
  if (result.createPatient.__typename !== "MutationCreatePatientSuccess") {
    throw new Error(`createPatient failed: ${JSON.stringify(result)}`);
  }
  return result.createPatient.data;
}

/** Links a user account to a patient, as the organization's owner. */
export async function linkPatientUser(url: string, org: TestOrganization, patientId: string, userId: string) {
  const result = await gqlData(url, LinkPatientUser, { input: { patientId, userId } }, org.owner);
  if (result.linkPatientUser.__typename !== "MutationLinkPatientUserSuccess") {
    throw new Error(`linkPatientUser failed: ${JSON.stringify(result)}`);
  }
}

/** Changes some of the organization's settings, as its owner. */
export async function updateOrganizationSettings(
  url: string,
  org: TestOrganization,
  settings: Record<string, unknown>,
) {
  const result = await gqlData(url, UpdateOrganization, { id: org.id, input: { settings } }, org.owner);
  if (result.updateOrganization.__typename !== "MutationUpdateOrganizationSuccess") {
    throw new Error(`updateOrganization failed: ${JSON.stringify(result)}`);
  }
}

/** Sets the onboarding steps the organization requires. */
export function requireOnboardingSteps(url: string, org: TestOrganization, steps: string[]) {
  return updateOrganizationSettings(url, org, { onboardingSteps: steps });
}
