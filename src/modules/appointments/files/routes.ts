import {
  connectionBody,
  connectionSelection,
  mutationDocument,
  pageVariables,
  type V1Route,
  withinParentOf,
} from "../../../http/v1/route.js";

const file = "id fileName contentType sizeBytes uploadedAt createdAt downloadUrl";

/** The page of the appointment's `files` (an appointment it cannot see answers 404 before this). */
const filesPage = (value: unknown) => connectionBody((value as { files: unknown }).files);

export const appointmentFileRoutes: V1Route[] = [
  {
    method: "GET",
    path: "/v1/appointments/:id/files",
    document: `query AppointmentFiles($id: ID!, $first: Int, $after: String) {
      appointment(id: $id) { files(first: $first, after: $after) { ${connectionSelection(file)} } } }`,
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
    within: withinParentOf("AppointmentFile", "appointment", "fileId"),
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
    within: withinParentOf("AppointmentFile", "appointment", "fileId"),
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
