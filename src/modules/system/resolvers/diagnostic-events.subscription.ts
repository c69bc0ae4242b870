import { builder } from "../../../graphql/builder.js";
import type { DiagnosticEventMessage } from "../types/diagnostic-event.type.js";

const DiagnosticEventMessageRef = builder.objectRef<DiagnosticEventMessage>("DiagnosticEventMessage").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    message: t.exposeString("message"),
    createdAt: t.field({ type: "DateTime", resolve: (m) => new Date(m.createdAt) }),
    publishedBy: t.exposeInt("publishedBy", { description: "Process id of the worker that published it." }),
  }),
});

builder.subscriptionField("diagnosticEvents", (t) =>
  t.field({
    type: DiagnosticEventMessageRef,
    authScopes: { diagnostics: true },
    subscribe: (_root, _args, { services }) => services.pubsub.subscribe("system:diagnostic-event"),
    resolve: (message) => message,
  }),
);
