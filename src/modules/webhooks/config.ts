import { configSection } from "../../config/section.js";
import { allowedNetworks, durations, hostsAndNetworks, networkOf, positiveInt } from "../../config/values.js";

/** Webhook delivery: `config.webhooks`. */
export const webhookConfig = configSection({
  env: {
    WEBHOOK_TIMEOUT_MS: positiveInt.default(10_000),
    WEBHOOK_RETRY_SCHEDULE: durations.prefault("5s,5m,30m,2h,5h,10h,10h"),
    WEBHOOK_MAX_CONSECUTIVE_FAILURES: positiveInt.default(10),
    WEBHOOK_ENDPOINT_CONCURRENCY: positiveInt.max(50).default(2),
    WEBHOOK_ALLOWED_HOSTS: hostsAndNetworks.optional(),
  },
  read: (c) => ({
    timeoutMs: c.WEBHOOK_TIMEOUT_MS,
    /** Delays before the 2nd, 3rd... attempt of a message (ms); its length + 1 attempts in all. */
    retrySchedule: c.WEBHOOK_RETRY_SCHEDULE,
    maxConsecutiveFailures: c.WEBHOOK_MAX_CONSECUTIVE_FAILURES,
    endpointConcurrency: c.WEBHOOK_ENDPOINT_CONCURRENCY,
    /** Host names that endpoints may use whatever they resolve to. */
    allowedHosts: new Set((c.WEBHOOK_ALLOWED_HOSTS ?? []).filter((e) => !networkOf(e))),
    /** Private, loopback or link-local addresses endpoints may nevertheless resolve to. */
    allowedNetworks: allowedNetworks(c.WEBHOOK_ALLOWED_HOSTS ?? []),
  }),
});
