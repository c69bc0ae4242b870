import {
  booleanParam,
  connectionBody,
  connectionSelection,
  mutationDocument,
  pageVariables,
  type V1Route,
} from "../../http/v1/route.js";

const patient = `id firstName lastName email phone dateOfBirth timezone locale status
  onboardingSteps { step required completedAt } onboardedAt archivedAt createdAt updatedAt user { id email }`;

const mutation = (signature: string, call: string, payload: string) =>
  mutationDocument(signature, call, payload, patient);

export const patientRoutes: V1Route[] = [
  {
    method: "GET",
    path: "/v1/patients",
    document: `query Patients($first: Int, $after: String, $filter: PatientFilter) {
      patients(first: $first, after: $after, filter: $filter) { ${connectionSelection(patient)} }
    }`,
    variables: ({ query }) => ({
      ...pageVariables(query),
      filter: {
        search: query.get("search") ?? undefined,
        status: query.get("status") ?? undefined,
        createdFrom: query.get("createdFrom") ?? undefined,
        createdTo: query.get("createdTo") ?? undefined,
        includeArchived: booleanParam(query, "includeArchived"),
      },
    }),
    body: connectionBody,
  },
  {
    method: "POST",
    path: "/v1/patients",
    status: 201,
    document: mutation(
      "CreatePatient($input: CreatePatientInput!)",
      "createPatient(input: $input)",
      "MutationCreatePatientSuccess",
    ),
    variables: ({ body }) => ({ input: body }),
  },
  {
    method: "GET",
    path: "/v1/patients/:id",
    document: `query Patient($id: ID!) { patient(id: $id) { ${patient} } }`,
    variables: ({ params }) => ({ id: params.id }),
  },
  {
    method: "PATCH",
    path: "/v1/patients/:id",
    document: mutation(
      "UpdatePatient($id: ID!, $input: UpdatePatientInput!)",
      "updatePatient(id: $id, input: $input)",
      "MutationUpdatePatientSuccess",
    ),
    variables: ({ params, body }) => ({ id: params.id, input: body }),
  },
  {
    method: "DELETE",
    path: "/v1/patients/:id",
    status: 204,
    document: mutation("ArchivePatient($id: ID!)", "archivePatient(id: $id)", "MutationArchivePatientSuccess"),
    variables: ({ params }) => ({ id: params.id }),
  },
  {
    method: "POST",
    path: "/v1/patients/:id/restore",
    document: mutation("RestorePatient($id: ID!)", "restorePatient(id: $id)", "MutationRestorePatientSuccess"),
    variables: ({ params }) => ({ id: params.id }),
  },
  {
    method: "PUT",
    path: "/v1/patients/:id/user",
    document: mutation(
      "LinkPatientUser($input: LinkPatientUserInput!)",
      "linkPatientUser(input: $input)",
      "MutationLinkPatientUserSuccess",
    ),
    variables: ({ params, body }) => ({ input: { userId: body.userId, patientId: params.id } }),
  },
  {
    method: "DELETE",
    path: "/v1/patients/:id/user",
    document: mutation(
      "UnlinkPatientUser($input: LinkPatientUserInput!)",
      "linkPatientUser(input: $input)",
      "MutationLinkPatientUserSuccess",
    ),
    variables: ({ params }) => ({ input: { patientId: params.id, userId: null } }),
  },
  {
    method: "POST",
    path: "/v1/patients/:id/onboarding-steps",
    document: mutation(
      "CompletePatientOnboardingStep($patientId: ID!, $step: String!)",
      "completePatientOnboardingStep(patientId: $patientId, step: $step)",
      "MutationCompletePatientOnboardingStepSuccess",
    ),
    variables: ({ params, body }) => ({ patientId: params.id, step: body.step }),
  },
];
