import { z } from "zod";
import { builder } from "../../graphql/builder.js";
import { enqueue } from "../../jobs/enqueue.js";
import { audited } from "../../operation/audited.js";
import { DiagnosticEventRef } from "./diagnostic-event.type.js";
import { publishDiagnosticEvent } from "./publish-diagnostic-event.task.js";

builder.mutationField("sendDiagnosticEvent", (t) =>
  t.field({
    type: DiagnosticEventRef,
    description:
      "Records an event and queues its publication in one transaction; `diagnosticEvents` subscribers receive it once the worker has run.",
    authScopes: { diagnostics: true },
    errors: {},
    args: { message: t.arg.string({ validate: z.string().trim().min(1).max(500) }) },
    resolve: (_root, { message }, ctx) =>
      audited(ctx, async (tx) => {
        const event = await tx.diagnosticEvent.create({ data: { message } });
        await enqueue(tx, publishDiagnosticEvent, { id: event.id });
        return {
          value: event,
          audit: { action: "diagnostic_event.create", entityType: "DiagnosticEvent", entityId: event.id, after: event },
        };
      }),
  }),
);
