import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { useFixture } from "./fixture.js";

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  /** `performance.timeOrigin + performance.now()` when the body had arrived. */
  receivedAt: number;
}

/** How the receiver answers a request: a status (with headers and body), or `hold` (no answer until closed). */
export type Reply = { status: number; headers?: Record<string, string>; body?: string } | "hold";

export interface WebhookReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Decides each answer from the request and its 0-based index; 200 by default. */
  reply: (request: ReceivedRequest, index: number) => Reply;
  /** Requests being answered right now (held ones included), and the most there ever were. */
  inFlight: number;
  maxInFlight: number;
  /** Resolves once `count` requests have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  /** Answers every held request with this reply. */
  release(reply?: Exclude<Reply, "hold">): void;
  close(): Promise<void>;
}

/** A local HTTP endpoint on 127.0.0.1 that records what webhooks send it. */
export async function startWebhookReceiver(reply: WebhookReceiver["reply"] = () => ({ status: 200 })) {
  const held: ServerResponse[] = [];
  const answer = (res: ServerResponse, r: Exclude<Reply, "hold">) => {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(r.status, r.headers).end(r.body ?? "");
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = {
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        receivedAt: performance.timeOrigin + performance.now(),
      };
      receiver.requests.push(request);
      receiver.inFlight++;
      receiver.maxInFlight = Math.max(receiver.maxInFlight, receiver.inFlight);
      res.on("close", () => receiver.inFlight--);
      const r = receiver.reply(request, receiver.requests.length - 1);
      if (r === "hold") held.push(res);
      else answer(res, r);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    requests: [],
    reply,
    inFlight: 0,
    maxInFlight: 0,
    async waitFor(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (receiver.requests.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} webhook requests within ${timeoutMs} ms, got ${receiver.requests.length}`);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      return receiver.requests;
    },
    release(r = { status: 200 }) {
      for (const res of held.splice(0)) answer(res, r);
    },
    close: async () => {
      receiver.release({ status: 503 });
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return receiver;
}

/** The JSON body of a request, as `{ type, timestamp, data }`. */
export function messageOf(request: ReceivedRequest): {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
} {
  return JSON.parse(request.body);
}

/** A webhook receiver for this file's tests, started in `beforeAll` and closed in `afterAll`. */
export function useWebhookReceiver(reply?: WebhookReceiver["reply"]): WebhookReceiver {
  return useFixture(
    "the webhook receiver",
    () => startWebhookReceiver(reply),
    (receiver) => receiver.close(),
  );
}
