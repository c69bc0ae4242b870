import { builder } from "../../../graphql/builder.js";

export const DiagnosticEventRef = builder.prismaNode("DiagnosticEvent", {
  id: { field: "id" },
  nullable: true,
  fields: (t) => ({
    message: t.exposeString("message"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

/** What the worker publishes once a diagnostic event's job has run. */
export interface DiagnosticEventMessage {
  id: string;
  message: string;
  createdAt: string;
  /** Which process ran the job (pid), to show the event crossed processes. */
  publishedBy: number;
}

declare module "../../../pubsub/pubsub.js" {
  interface PubSubChannels {
    "system:diagnostic-event": [DiagnosticEventMessage];
  }
}
