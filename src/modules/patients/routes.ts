import { listRoute, mutationRoute, queryRoute, type V1Route } from "../../http/v1/route.js";

const patient = `id firstName lastName email phone dateOfBirth timezone locale status
  onboardingSteps { step required completedAt } onboardedAt archivedAt createdAt updatedAt user { id email }`;

export const patientRoutes: V1Route[] = [
  listRoute({
    path: "/v1/patients",
    connection: "patients",
    args: { filter: "PatientFilter" },
    filter: {
      search: "string",
      status: "string",
      createdFrom: "string",
      createdTo: "string",
      includeArchived: "boolean",
    },
    select: patient,
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/patients",
    status: 201,
    mutation: "createPatient",
    args: { input: "CreatePatientInput!" },
    select: patient,
  }),
  queryRoute({ path: "/v1/patients/:id", query: "patient", args: { id: "ID!" }, select: patient }),
  mutationRoute({
    method: "PATCH",
    path: "/v1/patients/:id",
    mutation: "updatePatient",
    args: { id: "ID!", input: "UpdatePatientInput!" },
    select: patient,
  }),
  mutationRoute({
    method: "DELETE",
    path: "/v1/patients/:id",
    status: 204,
    mutation: "archivePatient",
    args: { id: "ID!" },
    select: patient,
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/patients/:id/restore",
    mutation: "restorePatient",
    args: { id: "ID!" },
    select: patient,
  }),
  mutationRoute({
    method: "PUT",
    path: "/v1/patients/:id/user",
    mutation: "linkPatientUser",
    args: { input: "LinkPatientUserInput!" },
    select: patient,
    variables: ({ params, body }) => ({ input: { userId: body.userId, patientId: params.id } }),
  }),
  mutationRoute({
    method: "DELETE",
    path: "/v1/patients/:id/user",
    mutation: "linkPatientUser",
    args: { input: "LinkPatientUserInput!" },
    select: patient,
    variables: ({ params }) => ({ input: { patientId: params.id, userId: null } }),
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/patients/:id/onboarding-steps",
    mutation: "completePatientOnboardingStep",
    args: { patientId: "ID!", step: "String!" },
    select: patient,
    variables: ({ params, body }) => ({ patientId: params.id, step: body.step }),
  }),
];
