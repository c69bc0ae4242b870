import { errorSelection, type V1Route } from "../../http/v1/route.js";

export const systemRoutes: V1Route[] = [
  {
    method: "GET",
    path: "/v1/server-info",
    document: "query ServerInfo { serverInfo { version role pubsub uptimeSeconds } }",
  },
  {
    method: "POST",
    path: "/v1/diagnostics/events",
    status: 201,
    document: `mutation SendDiagnosticEvent($message: String!) {
      sendDiagnosticEvent(message: $message) { ${errorSelection} ... on MutationSendDiagnosticEventSuccess { data { id message createdAt } } }
    }`,
    variables: ({ body }) => ({ message: body.message }),
  },
];
