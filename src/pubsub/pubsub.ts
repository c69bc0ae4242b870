import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub as createYogaPubSub } from "graphql-yoga";
import { Redis } from "ioredis";
import type { Logger } from "../logger.js";

/**
 * Every pub/sub channel and the message it carries. Modules add their channels with
 * `declare module "../../pubsub/pubsub.js" { interface PubSubChannels { ... } }`.
 * A channel keyed per entity is declared as `[id: string, payload: T]`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: extended by modules through declaration merging
export interface PubSubChannels {}

type YogaChannels = { [K in keyof PubSubChannels]: PubSubChannels[K] extends unknown[] ? PubSubChannels[K] : never };
export type PubSub = ReturnType<typeof createYogaPubSub<YogaChannels>>;

export interface PubSubHandle {
  pubsub: PubSub;
  kind: "redis" | "in-process";
  /** Redis client for commands (holds, rate limits); undefined in in-process mode. */
  redis?: Redis;
  close(): Promise<void>;
}

/**
 * Pub/sub for subscriptions. With Redis, events fan out to every server process through
 * Redis channels (prefixed, so several deployments or test runs can share one Redis);
 * without it, events stay in this process.
 */
export function createPubSub(redisUrl: string | undefined, prefix: string, log: Logger): PubSubHandle {
  if (!redisUrl) {
    log.info("REDIS_URL is not set: pub/sub runs in process, so run a single server instance");
    return { pubsub: createYogaPubSub<YogaChannels>(), kind: "in-process", close: async () => {} };
  }
  // Bounded everywhere, so an outage fails requests fast (503) and a returning Redis is used at
  // once: reconnect every 100-500 ms (not ioredis' default of up to 2 s), a command queued while
  // disconnected fails after one failed reconnection attempt, and any command fails after 2 s without answer.
  const options = {
    maxRetriesPerRequest: 1,
    enableAutoPipelining: true,
    retryStrategy: (attempt: number) => Math.min(500, 100 * attempt),
    commandTimeout: 2_000,
  };
  const redis = new Redis(redisUrl, options);
  const subscriber = new Redis(redisUrl, options);
  for (const client of [redis, subscriber]) client.on("error", (error) => log.warn({ err: error }, "redis error"));
  // The event target sends SUBSCRIBE/UNSUBSCRIBE without awaiting them: a subscriber that leaves
  // while the connection closes (shutdown) must be logged, not become an unhandled rejection.
  const subscribeClient = {
    on: (event: "message", listener: (channel: string, message: string) => void) => subscriber.on(event, listener),
    subscribe: (topic: string) =>
      subscriber.subscribe(topic).catch((error: unknown) => log.warn({ err: error, topic }, "redis subscribe failed")),
    unsubscribe: (topic: string) =>
      subscriber
        .unsubscribe(topic)
        .catch((error: unknown) => log.debug({ err: error, topic }, "redis unsubscribe failed")),
  } as unknown as Redis;
  // PUBLISH is not awaited either: one racing the connection's close is logged the same way.
  const publishClient = {
    publish: (channel: string, message: string) =>
      redis
        .publish(channel, message)
        .catch((error: unknown) => log.warn({ err: error, channel }, "redis publish failed")),
  } as unknown as Redis;
  const target = createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient });
  const eventTarget = {
    addEventListener: (type: string, listener: EventListener) => target.addEventListener(prefix + type, listener),
    removeEventListener: (type: string, listener: EventListener) => target.removeEventListener(prefix + type, listener),
    dispatchEvent: (event: CustomEvent) =>
      target.dispatchEvent(new CustomEvent(prefix + event.type, { detail: event.detail })),
  };
  return {
    pubsub: createYogaPubSub<YogaChannels>({ eventTarget: eventTarget as never }),
    kind: "redis",
    redis,
    close: async () => {
      await Promise.allSettled([redis.quit(), subscriber.quit()]);
    },
  };
}
