import { builder } from "../../../graphql/builder.js";
import { DiagnosticEventMessageRef } from "../types/diagnostic-event-message.type.js";

builder.subscriptionField("diagnosticEvents", (t) =>
  t.field({
    type: DiagnosticEventMessageRef,
    authScopes: { diagnostics: true },
    subscribe: (_root, _args, { services }) => services.pubsub.subscribe("system:diagnostic-event"),
    resolve: (message) => message,
  }),
);
