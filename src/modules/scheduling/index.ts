// The scheduling module's surface for other modules (and the container and HTTP server that run it).

export type { Hold, HoldStore } from "../../holds/hold-store.js";
export { assertMayBook, inCalendarScope } from "./domain/calendars/calendar-access.js";
export { announceHold } from "./domain/holds/announce-hold.js";
export { holdClientId, mayUseHold } from "./domain/holds/hold-clients.js";
export type { HoldOperation } from "./domain/holds/hold-operation.js";
export { startHoldSweeper } from "./domain/holds/hold-sweeper.js";
export { placeHold } from "./domain/holds/place-hold.js";
export { announceCalendarChange, type TimeslotsChangeReason } from "./domain/timeslots/announce.js";
export { HoldLimitError, SlotUnavailableError } from "./errors.js";
export { useSharedSubscriptionResults } from "./live/shared-results.js";
