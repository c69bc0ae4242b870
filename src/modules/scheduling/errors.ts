import { AppError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { ErrorInterface } from "../../graphql/error-types.js";

/** The time asked for is not (or no longer) a bookable slot, or every free specialist was just taken. */
export class SlotUnavailableError extends AppError {
  readonly code = "SLOT_UNAVAILABLE";
  constructor(message = "This time is not available") {
    super(message);
    this.name = "SlotUnavailableError";
  }
}

/** The caller already holds as many slots as one client may. */
export class HoldLimitError extends AppError {
  readonly code = "TOO_MANY_HOLDS";
  constructor(readonly limit: number) {
    super(`You already hold ${limit} slots; release one first`);
    this.name = "HoldLimitError";
  }
}

builder.objectType(SlotUnavailableError, { name: "SlotUnavailableError", interfaces: [ErrorInterface] });
builder.objectType(HoldLimitError, {
  name: "HoldLimitError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ limit: t.exposeInt("limit") }),
});
