import { connectionSelection, mutationDocument, pageVariables, type V1Route } from "../../../http/v1/route.js";

const file = "id fileName contentType sizeBytes uploadedAt createdAt downloadUrl";

/** The page of `files` under the looked-up appointment; an id of another type has none. */
const filesPage = (value: unknown) => {
  const files = (value as { files?: { edges: { node: unknown }[]; pageInfo: unknown } }).files;
  return { data: files?.edges.map((e) => e.node) ?? [], pageInfo: files?.pageInfo ?? { hasNextPage: false } };
};

export const appointmentFileRoutes: V1Route[] = [
  {
    method: "GET",
    path: "/v1/appointments/:id/files",
    document: `query AppointmentFiles($id: ID!, $first: Int, $after: String) {
      node(id: $id) { ... on Appointment { files(first: $first, after: $after) { ${connectionSelection(file)} } } } }`,
    variables: ({ params, query }) => ({ id: params.id, ...pageVariables(query) }),
    body: filesPage,
  },
  {
    method: "POST",
    path: "/v1/appointments/:id/files",
    status: 201,
    document: mutationDocument(
      "CreateAppointmentFile($input: CreateAppointmentFileInput!)",
      "createAppointmentFile(input: $input)",
      "MutationCreateAppointmentFileSuccess",
      `uploadUrl uploadHeaders { name value } expiresAt file { ${file} }`,
    ),
    variables: ({ params, body }) => ({ input: { ...body, appointmentId: params.id } }),
  },
  {
    method: "POST",
    path: "/v1/appointments/:id/files/:fileId/confirm",
    document: mutationDocument(
      "ConfirmAppointmentFileUpload($id: ID!)",
      "confirmAppointmentFileUpload(id: $id)",
      "MutationConfirmAppointmentFileUploadSuccess",
      file,
    ),
    variables: ({ params }) => ({ id: params.fileId }),
  },
  {
    method: "DELETE",
    path: "/v1/appointments/:id/files/:fileId",
    status: 204,
    document: mutationDocument(
      "DeleteAppointmentFile($id: ID!)",
      "deleteAppointmentFile(id: $id)",
      "MutationDeleteAppointmentFileSuccess",
      "id",
    ),
    variables: ({ params }) => ({ id: params.fileId }),
  },
];
