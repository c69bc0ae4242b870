import { listRoute, mutationRoute, queryRoute, type V1Route } from "../../http/v1/route.js";

const plan = `id name description price currency validityDays accessGrants active createdAt updatedAt
  services(first: 50) { edges { sessions node { id name } } }
  products(first: 50) { edges { quantity node { id name } } }`;
const patientPlan = `id status price currency accessGrants startsAt expiresAt cancelledAt createdAt sessionsRemaining
  patient { id firstName lastName } servicePlan { id name }
  balances(first: 50) { edges { node { sessionsIncluded sessionsRemaining service { id name } } } }`;
const access = "patient { id } grants telerehabAccess libraryAccess";

export const planRoutes: V1Route[] = [
  // Patient plans and access first: `/v1/service-plans/:id` would match their paths too.
  listRoute({
    path: "/v1/service-plans/patient-plans",
    connection: "patientServicePlans",
    args: { filter: "PatientServicePlanFilter" },
    filter: { patientId: "string", servicePlanId: "string", status: "string" },
    select: patientPlan,
  }),
  queryRoute({
    path: "/v1/service-plans/patient-plans/:id",
    query: "patientServicePlan",
    args: { id: "ID!" },
    select: patientPlan,
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/service-plans/patient-plans/:id/consume",
    mutation: "consumePlanSession",
    args: { input: "ConsumePlanSessionInput!" },
    select: patientPlan,
    variables: ({ params, body }) => ({ input: { ...body, patientServicePlanId: params.id } }),
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/service-plans/patient-plans/:id/cancel",
    mutation: "cancelPatientServicePlan",
    args: { id: "ID!" },
    select: patientPlan,
  }),
  queryRoute({
    path: "/v1/service-plans/access/:patientId",
    query: "patientAccess",
    args: { patientId: "ID!" },
    select: access,
  }),
  listRoute({
    path: "/v1/service-plans",
    connection: "servicePlans",
    args: { active: "Boolean" },
    params: { active: "boolean" },
    select: plan,
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/service-plans",
    status: 201,
    mutation: "createServicePlan",
    args: { input: "CreateServicePlanInput!" },
    select: plan,
  }),
  queryRoute({ path: "/v1/service-plans/:id", query: "servicePlan", args: { id: "ID!" }, select: plan }),
  mutationRoute({
    method: "PATCH",
    path: "/v1/service-plans/:id",
    mutation: "updateServicePlan",
    args: { id: "ID!", input: "UpdateServicePlanInput!" },
    select: plan,
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/service-plans/:id/assign",
    status: 201,
    mutation: "assignServicePlan",
    args: { input: "AssignServicePlanInput!" },
    select: patientPlan,
    variables: ({ params, body }) => ({ input: { ...body, servicePlanId: params.id } }),
  }),
];
