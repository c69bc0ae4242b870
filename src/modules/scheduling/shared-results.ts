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

/** How many times a shared payload was actually executed (tests read it). */
export const sharedExecutionStats = { executed: 0, shared: 0 };

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

/**
 * A Yoga plugin: subscriptions to `fields` map their events through {@link sharedExecution},
 * so subscribers that share a payload share its execution and serialization. Other
 * subscriptions are left to Yoga's own executor.
 */
export function useSharedSubscriptionResults(fields: string[] = ["timeslotsChanged"]): Plugin {
  const names = new Set(fields);
  return {
    onSubscribe({ args, setSubscribeFn }) {
      if (!subscribesTo(args.document, args.operationName, names)) return;
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
