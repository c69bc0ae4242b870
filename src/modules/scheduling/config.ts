import { configSection } from "../../config/section.js";
import { positiveInt } from "../../config/values.js";

/** Slot holds: how long one lasts unless extended, and how many one client may have at once (`config.holds`). */
export const holdConfig = configSection({
  env: {
    HOLD_TTL_SECONDS: positiveInt.default(300),
    HOLD_MAX_PER_CLIENT: positiveInt.default(3),
  },
  read: (c) => ({ ttlMs: c.HOLD_TTL_SECONDS * 1000, maxPerClient: c.HOLD_MAX_PER_CLIENT }),
});
