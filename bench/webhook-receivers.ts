/**
 * The endpoints of `bench/webhooks.ts`, in a process of their own so that emitting events
 * does not slow receiving them. Started with the number of endpoints; over IPC it sends
 * `{ urls }`, then `{ received }` counts, and answers "report" with every receipt:
 * `[webhook-id, receivedAt]` per endpoint (receivedAt: performance.timeOrigin + now()).
 */
import { startWebhookReceiver } from "../tests/support/webhook-receiver.js";

const send = (message: unknown) => process.send?.(message);
const receivers = await Promise.all(Array.from({ length: Number(process.argv[2] ?? 3) }, () => startWebhookReceiver()));
send({ urls: receivers.map((r) => r.url) });
const timer = setInterval(() => send({ received: receivers.map((r) => r.requests.length) }), 100);
process.on("message", async (message) => {
  if (message === "reset") for (const r of receivers) r.requests.length = 0;
  if (message === "report") {
    send({ receipts: receivers.map((r) => r.requests.map((q) => [String(q.headers["webhook-id"]), q.receivedAt])) });
  }
  if (message === "stop") {
    clearInterval(timer);
    await Promise.all(receivers.map((r) => r.close()));
    process.disconnect();
  }
});
