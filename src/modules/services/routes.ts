import {
  connectionBody,
  connectionSelection,
  errorSelection,
  pageVariables,
  type V1Route,
  withinParentOf,
} from "../../http/v1/route.js";

const pricing = "pricing { billingModel currency pricePerSession basePrice pricePerUnit unitMinutes }";
const service = `id name description durationMinutes deliveryMode ${pricing} listPrice requiresPlanSession active createdAt updatedAt`;
const specialist = "id firstName lastName active";
const attachment = "id fileName contentType sizeBytes createdAt downloadUrl";
const product = "id name description kind sku price currency active createdAt updatedAt";
const plan = `id name description price currency validityDays accessGrants active createdAt updatedAt
  services(first: 50) { edges { sessions node { id name } } }
  products(first: 50) { edges { quantity node { id name } } }`;
const patientPlan = `id status price currency accessGrants startsAt expiresAt cancelledAt createdAt sessionsRemaining
  patient { id firstName lastName } servicePlan { id name }
  balances(first: 50) { edges { node { sessionsIncluded sessionsRemaining service { id name } } } }`;
const order = `id quantity unitPrice total currency status nextStatuses note paidAt fulfilledAt cancelledAt refundedAt
  createdAt updatedAt patient { id firstName lastName } product { id name kind }`;
const access = "patient { id } grants telerehabAccess libraryAccess";

/** A mutation document whose success payload is `data { <fields> }`. */
const mutation = (signature: string, call: string, payload: string, fields: string) =>
  `mutation ${signature} { ${call} { ${errorSelection} ... on ${payload} { data { ${fields} } } } }`;

/** `?name=value` query parameters as a filter object (only those present). */
const filterFrom = (query: URLSearchParams, names: string[], booleans: string[] = []) =>
  Object.fromEntries(
    names.flatMap((name) => {
      const value = query.get(name);
      if (value === null) return [];
      return [[name, booleans.includes(name) ? value === "true" : value]];
    }),
  );

const subConnection = (field: string) => (value: unknown) => connectionBody((value as Record<string, unknown>)[field]);

export const servicesRoutes: V1Route[] = [
  {
    method: "GET",
    path: "/v1/services",
    document: `query Services($first: Int, $after: String, $filter: ServiceFilter) {
      services(first: $first, after: $after, filter: $filter) { ${connectionSelection(service)} } }`,
    variables: ({ query }) => ({
      ...pageVariables(query),
      filter: filterFrom(query, ["active", "deliveryMode", "search", "specialistId"], ["active"]),
    }),
    body: connectionBody,
  },
  {
    method: "POST",
    path: "/v1/services",
    status: 201,
    document: mutation(
      "CreateService($input: CreateServiceInput!)",
      "createService(input: $input)",
      "MutationCreateServiceSuccess",
      service,
    ),
    variables: ({ body }) => ({ input: body }),
  },
  {
    method: "GET",
    path: "/v1/services/:id",
    document: `query Service($id: ID!) { service(id: $id) { ${service} } }`,
    variables: ({ params }) => ({ id: params.id }),
  },
  {
    method: "PATCH",
    path: "/v1/services/:id",
    document: mutation(
      "UpdateService($id: ID!, $input: UpdateServiceInput!)",
      "updateService(id: $id, input: $input)",
      "MutationUpdateServiceSuccess",
      service,
    ),
    variables: ({ params, body }) => ({ id: params.id, input: body }),
  },
  {
    method: "GET",
    path: "/v1/services/:id/specialists",
    document: `query ServiceSpecialists($id: ID!, $first: Int, $after: String) {
      service(id: $id) { specialists(first: $first, after: $after) { ${connectionSelection(specialist)} } } }`,
    variables: ({ params, query }) => ({ id: params.id, ...pageVariables(query) }),
    body: subConnection("specialists"),
  },
  {
    method: "PUT",
    path: "/v1/services/:id/specialists",
    document: mutation(
      "SetServiceSpecialists($input: SetServiceSpecialistsInput!)",
      "setServiceSpecialists(input: $input)",
      "MutationSetServiceSpecialistsSuccess",
      `id specialists(first: 100) { edges { node { ${specialist} } } }`,
    ),
    variables: ({ params, body }) => ({ input: { ...body, serviceId: params.id } }),
  },
  {
    method: "GET",
    path: "/v1/services/:id/add-ons",
    document: `query ServiceAddOns($id: ID!, $first: Int, $after: String) {
      service(id: $id) { addOns(first: $first, after: $after) { ${connectionSelection(service)} } } }`,
    variables: ({ params, query }) => ({ id: params.id, ...pageVariables(query) }),
    body: subConnection("addOns"),
  },
  {
    method: "PUT",
    path: "/v1/services/:id/add-ons",
    document: mutation(
      "SetServiceAddOns($input: SetServiceAddOnsInput!)",
      "setServiceAddOns(input: $input)",
      "MutationSetServiceAddOnsSuccess",
      "id addOns(first: 100) { edges { node { id name } } }",
    ),
    variables: ({ params, body }) => ({ input: { ...body, serviceId: params.id } }),
  },
  {
    method: "GET",
    path: "/v1/services/:id/attachments",
    document: `query ServiceAttachments($id: ID!, $first: Int, $after: String) {
      service(id: $id) { attachments(first: $first, after: $after) { ${connectionSelection(attachment)} } } }`,
    variables: ({ params, query }) => ({ id: params.id, ...pageVariables(query) }),
    body: subConnection("attachments"),
  },
  {
    method: "POST",
    path: "/v1/services/:id/attachments",
    status: 201,
    document: mutation(
      "CreateServiceAttachment($input: CreateServiceAttachmentInput!)",
      "createServiceAttachment(input: $input)",
      "MutationCreateServiceAttachmentSuccess",
      `uploadUrl expiresAt attachment { ${attachment} }`,
    ),
    variables: ({ params, body }) => ({ input: { ...body, serviceId: params.id } }),
  },
  {
    method: "DELETE",
    path: "/v1/services/:id/attachments/:attachmentId",
    within: withinParentOf("ServiceAttachment", "service", "attachmentId"),
    status: 204,
    document: mutation(
      "DeleteServiceAttachment($id: ID!)",
      "deleteServiceAttachment(id: $id)",
      "MutationDeleteServiceAttachmentSuccess",
      "id",
    ),
    variables: ({ params }) => ({ id: params.attachmentId }),
  },
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
  {
    method: "GET",
    path: "/v1/products",
    document: `query Products($first: Int, $after: String, $filter: ProductFilter) {
      products(first: $first, after: $after, filter: $filter) { ${connectionSelection(product)} } }`,
    variables: ({ query }) => ({
      ...pageVariables(query),
      filter: filterFrom(query, ["active", "kind", "search"], ["active"]),
    }),
    body: connectionBody,
  },
  {
    method: "POST",
    path: "/v1/products",
    status: 201,
    document: mutation(
      "CreateProduct($input: CreateProductInput!)",
      "createProduct(input: $input)",
      "MutationCreateProductSuccess",
      product,
    ),
    variables: ({ body }) => ({ input: body }),
  },
  {
    method: "GET",
    path: "/v1/products/:id",
    document: `query Product($id: ID!) { product(id: $id) { ${product} } }`,
    variables: ({ params }) => ({ id: params.id }),
  },
  {
    method: "PATCH",
    path: "/v1/products/:id",
    document: mutation(
      "UpdateProduct($id: ID!, $input: UpdateProductInput!)",
      "updateProduct(id: $id, input: $input)",
      "MutationUpdateProductSuccess",
      product,
    ),
    variables: ({ params, body }) => ({ id: params.id, input: body }),
  },
  {
    method: "GET",
    path: "/v1/patient-product-orders",
    document: `query PatientProductOrders($first: Int, $after: String, $filter: PatientProductOrderFilter) {
      patientProductOrders(first: $first, after: $after, filter: $filter) { ${connectionSelection(order)} } }`,
    variables: ({ query }) => ({ ...pageVariables(query), filter: filterFrom(query, ["patientId", "status"]) }),
    body: connectionBody,
  },
  {
    method: "POST",
    path: "/v1/patient-product-orders",
    status: 201,
    document: mutation(
      "CreatePatientProductOrder($input: CreatePatientProductOrderInput!)",
      "createPatientProductOrder(input: $input)",
      "MutationCreatePatientProductOrderSuccess",
      order,
    ),
    variables: ({ body }) => ({ input: body }),
  },
  {
    method: "GET",
    path: "/v1/patient-product-orders/:id",
    document: `query PatientProductOrder($id: ID!) { patientProductOrder(id: $id) { ${order} } }`,
    variables: ({ params }) => ({ id: params.id }),
  },
  {
    method: "PATCH",
    path: "/v1/patient-product-orders/:id",
    document: mutation(
      "UpdatePatientProductOrderStatus($id: ID!, $status: ProductOrderStatus!)",
      "updatePatientProductOrderStatus(id: $id, status: $status)",
      "MutationUpdatePatientProductOrderStatusSuccess",
      order,
    ),
    variables: ({ params, body }) => ({ id: params.id, status: body.status }),
  },
];
