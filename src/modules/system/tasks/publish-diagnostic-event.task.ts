import { z } from "zod";
import { defineTask } from "../../../jobs/task.js";

/** Publishes a committed diagnostic event to every subscriber, in every server process. */
export const publishDiagnosticEvent = defineTask({
  identifier: "publish_diagnostic_event",
  payload: z.object({ id: z.uuid() }),
  async run({ id }, { services, log }) {
    const event = await services.adminDb.diagnosticEvent.findUnique({ where: { id } });
    if (!event) return log.warn({ id }, "diagnostic event is gone; nothing to publish");
    services.pubsub.publish("system:diagnostic-event", {
      id: event.id,
      message: event.message,
      createdAt: event.createdAt.toISOString(),
      publishedBy: process.pid,
    });
  },
});
