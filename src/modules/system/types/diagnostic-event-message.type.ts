import { builder } from "../../../graphql/builder.js";
import type { DiagnosticEventMessage } from "./diagnostic-event.type.js";

export const DiagnosticEventMessageRef = builder.objectRef<DiagnosticEventMessage>("DiagnosticEventMessage").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    message: t.exposeString("message"),
    createdAt: t.field({ type: "DateTime", resolve: (m) => new Date(m.createdAt) }),
    publishedBy: t.exposeInt("publishedBy", { description: "Process id of the worker that published it." }),
  }),
});
