import type { Prisma } from "../../../db/prisma.js";
import { enqueue } from "../../../jobs/enqueue.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { publishDiagnosticEvent } from "../tasks/publish-diagnostic-event.task.js";

/** Records a diagnostic event and queues its publication in the same transaction. */
export async function sendDiagnosticEvent(tx: Prisma.TransactionClient, _actor: Actor, message: string) {
  const event = await tx.diagnosticEvent.create({ data: { message } });
  await enqueue(tx, publishDiagnosticEvent, { id: event.id });
  return {
    value: event,
    audit: { action: "diagnostic_event.create", entityType: "DiagnosticEvent", entityId: event.id, after: event },
  } satisfies Audited<typeof event>;
}
