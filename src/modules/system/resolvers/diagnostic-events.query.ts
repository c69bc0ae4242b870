import { builder } from "../../../graphql/builder.js";

builder.queryField("diagnosticEvents", (t) =>
  t.prismaConnection({
    type: "DiagnosticEvent",
    cursor: "id",
    description: "Diagnostic events, newest first.",
    authScopes: { diagnostics: true },
    resolve: (query, _root, _args, { db }) => db.diagnosticEvent.findMany({ ...query, orderBy: { createdAt: "desc" } }),
  }),
);
