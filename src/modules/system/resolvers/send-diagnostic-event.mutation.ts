import { z } from "zod";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { sendDiagnosticEvent } from "../domain/send-diagnostic-event.js";
import { DiagnosticEventRef } from "../types/diagnostic-event.type.js";

builder.mutationField("sendDiagnosticEvent", (t) =>
  t.field({
    type: DiagnosticEventRef,
    description:
      "Records an event and queues its publication in one transaction; `diagnosticEvents` subscribers receive it once the worker has run.",
    authScopes: { diagnostics: true },
    errors: {},
    args: { message: t.arg.string({ validate: z.string().trim().min(1).max(500) }) },
    resolve: (_root, { message }, ctx) => audited(ctx, (tx, actor) => sendDiagnosticEvent(tx, actor, message)),
  }),
);
