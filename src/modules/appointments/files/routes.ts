import { listRoute, mutationRoute, type V1Route, withinParentOf } from "../../../http/v1/route.js";

const file = "id fileName contentType sizeBytes uploadedAt createdAt downloadUrl";
/** What starting an upload answers: `upload`, and the flat fields that came before it. */
const upload =
  "upload { url method headers { name value } expiresAt } uploadUrl uploadHeaders { name value } expiresAt";

export const appointmentFileRoutes: V1Route[] = [
  // An appointment the caller cannot see answers 404.
  listRoute({ path: "/v1/appointments/:id/files", connection: "appointment.files", args: { id: "ID!" }, select: file }),
  mutationRoute({
    method: "POST",
    path: "/v1/appointments/:id/files",
    status: 201,
    mutation: "createAppointmentFile",
    args: { input: "CreateAppointmentFileInput!" },
    select: `${upload} file { ${file} }`,
    variables: ({ params, body }) => ({ input: { ...body, appointmentId: params.id } }),
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/appointments/:id/files/:fileId/confirm",
    within: withinParentOf("AppointmentFile", "appointment", "fileId"),
    mutation: "confirmAppointmentFileUpload",
    args: { id: "ID!" },
    select: file,
    variables: ({ params }) => ({ id: params.fileId }),
  }),
  mutationRoute({
    method: "DELETE",
    path: "/v1/appointments/:id/files/:fileId",
    within: withinParentOf("AppointmentFile", "appointment", "fileId"),
    status: 204,
    mutation: "deleteAppointmentFile",
    args: { id: "ID!" },
    select: "id",
    variables: ({ params }) => ({ id: params.fileId }),
  }),
];
