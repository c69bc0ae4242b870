import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
  getOperationAST,
  Kind,
} from "graphql";
import type { Plugin } from "graphql-yoga";

type FetchAPI = { ReadableStream: typeof ReadableStream; Response: typeof Response };

/**
 * Sharing one subscription message between subscribers. The timeslots feed hands every
 * subscriber of one process with the same calendar, range, zone and access the *same* update
 * object per change; executing a subscriber's selection on it and serializing the result depends
 * on nothing else (no resolver below `timeslotsChanged` reads the context), so subscribers that
 * sent the same document and variables share one execution and one JSON string per update,
 * instead of each executing hundreds of slots and serializing them again.
 */

/** Payloads whose execution may be shared (the feed marks its updates). */
const shareable = new WeakSet<object>();

/** Marks a subscription payload as depending on nothing but itself, so its executions may be shared. */
export function shareablePayload<T extends object>(payload: T): T {
  shareable.add(payload);
  return payload;
}

/** Executions per payload, document and (operation name, variables). */
const executions = new WeakMap<object, WeakMap<DocumentNode, Map<string, Promise<ExecutionResult>>>>();

/** How many times a shared payload was executed or reused, and SSE frames encoded (tests read them). */
export const sharedExecutionStats = { executed: 0, shared: 0, framesEncoded: 0 };

function sharedExecution(args: ExecutionArgs, payload: object): Promise<ExecutionResult> {
  let byDocument = executions.get(payload);
  if (!byDocument) {
    byDocument = new WeakMap();
    executions.set(payload, byDocument);
  }
  let byArguments = byDocument.get(args.document);
  if (!byArguments) {
    byArguments = new Map();
    byDocument.set(args.document, byArguments);
  }
  const key = `${args.operationName ?? ""}|${JSON.stringify(args.variableValues ?? {})}`;
  let execution = byArguments.get(key);
  if (execution) {
    sharedExecutionStats.shared++;
    return execution;
  }
  sharedExecutionStats.executed++;
  execution = Promise.resolve(execute({ ...args, rootValue: payload })).then((result) => {
    // graphql-yoga serializes a result with its `stringify` when it has one: once for all subscribers.
    let json: string | undefined;
    Object.defineProperty(result, "stringify", {
      enumerable: false,
      value: (value: unknown) => {
        if (value !== result) return JSON.stringify(value);
        json ??= JSON.stringify(value);
        return json;
      },
    });
    return result;
  });
  byArguments.set(key, execution);
  return execution;
}

/** The source stream's events mapped to results, shared where the payload allows it. */
async function* mapEvents(
  events: AsyncIterable<unknown>,
  args: ExecutionArgs,
): AsyncGenerator<ExecutionResult, void, undefined> {
  for await (const payload of events) {
    if (typeof payload === "object" && payload !== null && shareable.has(payload)) {
      yield await sharedExecution(args, payload);
    } else {
      yield await execute({ ...args, rootValue: payload });
    }
  }
}

/** True when the operation's one root field is one of `fields` (written plainly, not through a fragment). */
function subscribesTo(document: DocumentNode, operationName: string | null | undefined, fields: Set<string>) {
  const operation = getOperationAST(document, operationName);
  const selections = operation?.operation === "subscription" ? operation.selectionSet.selections : [];
  return selections.length === 1 && selections[0]?.kind === Kind.FIELD && fields.has(selections[0].name.value);
}

const encoder = new TextEncoder();
const PING = encoder.encode(":\n\n");
const COMPLETE = encoder.encode("event: complete\ndata:\n\n");
/** SSE frames of shared results: encoded once, written to every subscriber's stream as they are. */
const frames = new WeakMap<object, Uint8Array>();

/** A result as JSON without Yoga's internal extensions (`http`, `unexpected`), as Yoga sends it. */
function resultJson(result: ExecutionResult & { stringify?: (value: unknown) => string }): string {
  const internal = (extensions: Record<string, unknown> | undefined) => {
    if (!extensions) return undefined;
    const { http: _http, unexpected: _unexpected, ...rest } = extensions;
    return Object.keys(rest).length ? rest : undefined;
  };
  if (!result.errors?.length && !result.extensions?.http) return (result.stringify ?? JSON.stringify)(result);
  return JSON.stringify({
    ...result,
    errors: result.errors?.map((error) => {
      const json = (typeof error.toJSON === "function" ? error.toJSON() : error) as {
        extensions?: Record<string, unknown>;
      };
      return { ...json, extensions: internal(json.extensions) };
    }),
    extensions: internal(result.extensions as Record<string, unknown> | undefined),
  });
}

function frameOf(result: ExecutionResult): Uint8Array {
  const shared = !result.errors?.length && "stringify" in result;
  const cached = shared ? frames.get(result) : undefined;
  if (cached) return cached;
  const frame = encoder.encode(`event: next\ndata: ${resultJson(result)}\n\n`);
  sharedExecutionStats.framesEncoded++;
  if (shared) frames.set(result, frame);
  return frame;
}

/**
 * Yoga's SSE response (distinct connections: the same frames, pings and completion), except that
 * a shared result's frame is encoded once and the same bytes go to every subscriber.
 */
function sharedSSEResponse(results: AsyncIterable<ExecutionResult>, fetchAPI: FetchAPI): Response {
  const pingIntervalMs = process.env.NODE_ENV === "test" ? 300 : 12_000;
  let iterator: AsyncIterator<ExecutionResult>;
  let pings: NodeJS.Timeout | undefined;
  const body = new fetchAPI.ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(PING);
      pings = setInterval(() => {
        if (controller.desiredSize === null) clearInterval(pings);
        else if (controller.desiredSize > 0) controller.enqueue(PING);
      }, pingIntervalMs);
      iterator = results[Symbol.asyncIterator]();
    },
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (value != null) controller.enqueue(frameOf(value));
        if (done) {
          controller.enqueue(COMPLETE);
          clearInterval(pings);
          controller.close();
        }
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      clearInterval(pings);
      await iterator?.return?.();
    },
  });
  return new fetchAPI.Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/event-stream",
      Connection: "keep-alive",
      "Cache-Control": "no-cache",
      "Content-Encoding": "none",
    },
  });
}

/**
 * A Yoga plugin: subscriptions to `fields` map their events through {@link sharedExecution},
 * so subscribers that share a payload share its execution and serialization, and over SSE the
 * encoded frame too. Other subscriptions are left to Yoga's own executor and responses.
 */
export function useSharedSubscriptionResults(fields: string[] = ["timeslotsChanged"]): Plugin {
  const names = new Set(fields);
  /** Requests whose subscription this plugin executes. */
  const sharing = new WeakSet<Request>();
  return {
    onResultProcess({ request, result, setResultProcessor }) {
      if (!sharing.has(request) || !(typeof result === "object" && result && Symbol.asyncIterator in result)) return;
      const accept = request.headers.get("accept") ?? "";
      if (!accept.includes("text/event-stream")) return;
      setResultProcessor(
        (results, fetchAPI) => sharedSSEResponse(results as AsyncIterable<ExecutionResult>, fetchAPI as FetchAPI),
        "text/event-stream",
      );
    },
    onSubscribe({ args, setSubscribeFn }) {
      if (!subscribesTo(args.document, args.operationName, names)) return;
      const request = (args.contextValue as { request?: Request }).request;
      if (request) sharing.add(request);
      setSubscribeFn(async (subscribeArgs) => {
        const executionArgs = subscribeArgs as ExecutionArgs;
        const stream = await createSourceEventStream(executionArgs);
        if (!(Symbol.asyncIterator in stream)) return stream as ExecutionResult;
        const events = stream as AsyncIterableIterator<unknown>;
        const results = mapEvents(events, executionArgs);
        // Closing the results (the client went away) closes the source stream too.
        const close = results.return.bind(results);
        results.return = async (value) => {
          await events.return?.();
          return close(value);
        };
        return results;
      });
    },
  };
}
