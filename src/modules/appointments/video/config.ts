import { configSection } from "../../../config/section.js";
import { optionalUrl, positiveInt } from "../../../config/values.js";

/** Daily.co video visits: `config.daily`. */
export const dailyConfig = configSection({
  env: {
    DAILY_API_URL: optionalUrl(["https:", "http:"]).default("https://api.daily.co/v1"),
    DAILY_TIMEOUT_MS: positiveInt.default(10_000),
  },
  read: (c) => ({
    /** Daily.co's REST API; an organization's `daily` integration may name another (`config.apiUrl`). */
    apiUrl: c.DAILY_API_URL,
    /** One request to Daily (answer included) fails after this, and is retried. */
    timeoutMs: c.DAILY_TIMEOUT_MS,
  }),
});
