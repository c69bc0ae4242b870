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

/** A mutation document whose success payload is `data { <fields> }` (the plans and products routes use it too). */
export const mutation = (signature: string, call: string, payload: string, fields: string) =>
  `mutation ${signature} { ${call} { ${errorSelection} ... on ${payload} { data { ${fields} } } } }`;

/** `?name=value` query parameters as a filter object (only those present; the plans and products routes use it too). */
export const filterFrom = (query: URLSearchParams, names: string[], booleans: string[] = []) =>
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
];
