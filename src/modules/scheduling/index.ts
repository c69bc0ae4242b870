// The scheduling module's surface for other modules (and the container and HTTP server that run it).
export { assertMayBook, inCalendarScope } from "./domain/calendars/calendar-access.js";
export { announceHold } from "./domain/holds/announce-hold.js";
export { holdClientId, mayUseHold } from "./domain/holds/hold-clients.js";
export type { HoldOperation } from "./domain/holds/hold-operation.js";
export type { Hold, HoldStore } from "./domain/holds/hold-store.js";
export { startHoldSweeper } from "./domain/holds/hold-sweeper.js";
export { createMemoryHoldStore } from "./domain/holds/memory-hold-store.js";
export { placeHold } from "./domain/holds/place-hold.js";
export { createRedisHoldStore } from "./domain/holds/redis-hold-store.js";
export { announceCalendarChange, type TimeslotsChangeReason } from "./domain/timeslots/announce.js";
export { HoldLimitError, SlotUnavailableError } from "./errors.js";
export { useSharedSubscriptionResults } from "./live/shared-results.js";
export { CalendarRef } from "./types/calendar.type.js";
