import { listRoute, mutationRoute, queryRoute, type V1Route, withinParentOf } from "../../http/v1/route.js";

const pricing = "pricing { billingModel currency pricePerSession basePrice pricePerUnit unitMinutes }";
const service = `id name description durationMinutes deliveryMode ${pricing} listPrice requiresPlanSession active createdAt updatedAt`;
const specialist = "id firstName lastName active";
const attachment = "id fileName contentType sizeBytes uploadedAt createdAt downloadUrl";
/** What starting an upload answers: `upload`, and the flat fields that came before it. */
const upload =
  "upload { url method headers { name value } expiresAt } uploadUrl uploadHeaders { name value } expiresAt";

export const servicesRoutes: V1Route[] = [
  listRoute({
    path: "/v1/services",
    connection: "services",
    args: { filter: "ServiceFilter" },
    filter: { active: "boolean", deliveryMode: "string", search: "string", specialistId: "string" },
    select: service,
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/services",
    status: 201,
    mutation: "createService",
    args: { input: "CreateServiceInput!" },
    select: service,
  }),
  queryRoute({ path: "/v1/services/:id", query: "service", args: { id: "ID!" }, select: service }),
  mutationRoute({
    method: "PATCH",
    path: "/v1/services/:id",
    mutation: "updateService",
    args: { id: "ID!", input: "UpdateServiceInput!" },
    select: service,
  }),
  listRoute({
    path: "/v1/services/:id/specialists",
    connection: "service.specialists",
    args: { id: "ID!" },
    select: specialist,
  }),
  mutationRoute({
    method: "PUT",
    path: "/v1/services/:id/specialists",
    mutation: "setServiceSpecialists",
    args: { input: "SetServiceSpecialistsInput!" },
    select: `id specialists(first: 100) { edges { node { ${specialist} } } }`,
    variables: ({ params, body }) => ({ input: { ...body, serviceId: params.id } }),
  }),
  listRoute({ path: "/v1/services/:id/add-ons", connection: "service.addOns", args: { id: "ID!" }, select: service }),
  mutationRoute({
    method: "PUT",
    path: "/v1/services/:id/add-ons",
    mutation: "setServiceAddOns",
    args: { input: "SetServiceAddOnsInput!" },
    select: "id addOns(first: 100) { edges { node { id name } } }",
    variables: ({ params, body }) => ({ input: { ...body, serviceId: params.id } }),
  }),
  listRoute({
    path: "/v1/services/:id/attachments",
    connection: "service.attachments",
    args: { id: "ID!" },
    select: attachment,
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/services/:id/attachments",
    status: 201,
    mutation: "createServiceAttachment",
    args: { input: "CreateServiceAttachmentInput!" },
    select: `${upload} attachment { ${attachment} }`,
    variables: ({ params, body }) => ({ input: { ...body, serviceId: params.id } }),
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/services/:id/attachments/:attachmentId/confirm",
    within: withinParentOf("ServiceAttachment", "service", "attachmentId"),
    mutation: "confirmServiceAttachmentUpload",
    args: { id: "ID!" },
    select: attachment,
    variables: ({ params }) => ({ id: params.attachmentId }),
  }),
  mutationRoute({
    method: "DELETE",
    path: "/v1/services/:id/attachments/:attachmentId",
    within: withinParentOf("ServiceAttachment", "service", "attachmentId"),
    status: 204,
    mutation: "deleteServiceAttachment",
    args: { id: "ID!" },
    select: "id",
    variables: ({ params }) => ({ id: params.attachmentId }),
  }),
];
