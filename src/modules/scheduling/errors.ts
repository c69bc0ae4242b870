import { AppError } from "../../errors.js";
import { errorObjectType } from "../../graphql/error-types.js";

/** The time asked for is not (or no longer) a bookable slot, or every free specialist was just taken. */
export class SlotUnavailableError extends AppError {
  static readonly code = "SLOT_UNAVAILABLE";
  static readonly httpStatus = 409;
  constructor(message = "This time is not available") {
    super(message);
    this.name = "SlotUnavailableError";
  }
}

/** The caller already holds as many slots as one client may. */
export class HoldLimitError extends AppError {
  static readonly code = "TOO_MANY_HOLDS";
  static readonly httpStatus = 409;
  constructor(readonly limit: number) {
    super(`You already hold ${limit} slots; release one first`);
    this.name = "HoldLimitError";
  }
}

errorObjectType(SlotUnavailableError, { name: "SlotUnavailableError" });
errorObjectType(HoldLimitError, {
  name: "HoldLimitError",
  fields: (t) => ({ limit: t.exposeInt("limit") }),
});
