import { connectionBody, connectionSelection, pageVariables, type V1Route } from "../../http/v1/route.js";
import { filterFrom, mutation } from "../services/index.js";

const plan = `id name description price currency validityDays accessGrants active createdAt updatedAt
  services(first: 50) { edges { sessions node { id name } } }
  products(first: 50) { edges { quantity node { id name } } }`;
const patientPlan = `id status price currency accessGrants startsAt expiresAt cancelledAt createdAt sessionsRemaining
  patient { id firstName lastName } servicePlan { id name }
  balances(first: 50) { edges { node { sessionsIncluded sessionsRemaining service { id name } } } }`;
const access = "patient { id } grants telerehabAccess libraryAccess";

export const planRoutes: V1Route[] = [
  // Patient plans and access first: `/v1/service-plans/:id` would match their paths too.
  {
    method: "GET",
    path: "/v1/service-plans/patient-plans",
    document: `query PatientServicePlans($first: Int, $after: String, $filter: PatientServicePlanFilter) {
      patientServicePlans(first: $first, after: $after, filter: $filter) { ${connectionSelection(patientPlan)} } }`,
    variables: ({ query }) => ({
      ...pageVariables(query),
      filter: filterFrom(query, ["patientId", "servicePlanId", "status"]),
    }),
    body: connectionBody,
  },
  {
    method: "GET",
    path: "/v1/service-plans/patient-plans/:id",
    document: `query PatientServicePlan($id: ID!) { patientServicePlan(id: $id) { ${patientPlan} } }`,
    variables: ({ params }) => ({ id: params.id }),
  },
  {
    method: "POST",
    path: "/v1/service-plans/patient-plans/:id/consume",
    document: mutation(
      "ConsumePlanSession($input: ConsumePlanSessionInput!)",
      "consumePlanSession(input: $input)",
      "MutationConsumePlanSessionSuccess",
      patientPlan,
    ),
    variables: ({ params, body }) => ({ input: { ...body, patientServicePlanId: params.id } }),
  },
  {
    method: "POST",
    path: "/v1/service-plans/patient-plans/:id/cancel",
    document: mutation(
      "CancelPatientServicePlan($id: ID!)",
      "cancelPatientServicePlan(id: $id)",
      "MutationCancelPatientServicePlanSuccess",
      patientPlan,
    ),
    variables: ({ params }) => ({ id: params.id }),
  },
  {
    method: "GET",
    path: "/v1/service-plans/access/:patientId",
    document: `query PatientAccess($patientId: ID!) { patientAccess(patientId: $patientId) { ${access} } }`,
    variables: ({ params }) => ({ patientId: params.patientId }),
  },
  {
    method: "GET",
    path: "/v1/service-plans",
    document: `query ServicePlans($first: Int, $after: String, $active: Boolean) {
      servicePlans(first: $first, after: $after, active: $active) { ${connectionSelection(plan)} } }`,
    variables: ({ query }) => ({ ...pageVariables(query), ...filterFrom(query, ["active"], ["active"]) }),
    body: connectionBody,
  },
  {
    method: "POST",
    path: "/v1/service-plans",
    status: 201,
    document: mutation(
      "CreateServicePlan($input: CreateServicePlanInput!)",
      "createServicePlan(input: $input)",
      "MutationCreateServicePlanSuccess",
      plan,
    ),
    variables: ({ body }) => ({ input: body }),
  },
  {
    method: "GET",
    path: "/v1/service-plans/:id",
    document: `query ServicePlan($id: ID!) { servicePlan(id: $id) { ${plan} } }`,
    variables: ({ params }) => ({ id: params.id }),
  },
  {
    method: "PATCH",
    path: "/v1/service-plans/:id",
    document: mutation(
      "UpdateServicePlan($id: ID!, $input: UpdateServicePlanInput!)",
      "updateServicePlan(id: $id, input: $input)",
      "MutationUpdateServicePlanSuccess",
      plan,
    ),
    variables: ({ params, body }) => ({ id: params.id, input: body }),
  },
  {
    method: "POST",
    path: "/v1/service-plans/:id/assign",
    status: 201,
    document: mutation(
      "AssignServicePlan($input: AssignServicePlanInput!)",
      "assignServicePlan(input: $input)",
      "MutationAssignServicePlanSuccess",
      patientPlan,
    ),
    variables: ({ params, body }) => ({ input: { ...body, servicePlanId: params.id } }),
  },
];
