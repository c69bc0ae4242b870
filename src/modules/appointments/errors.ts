import { AppError } from "../../errors.js";
import { errorObjectType } from "../../graphql/error-types.js";

/** The hold to book from is gone: it expired, was released, or was already booked. */
export class HoldExpiredError extends AppError {
  static readonly code = "HOLD_EXPIRED";
  static readonly httpStatus = 410;
  constructor(message = "The hold has expired; hold the slot again") {
    super(message);
    this.name = "HoldExpiredError";
  }
}

/** The organization refuses a first booking by a patient who has not finished onboarding. */
export class OnboardingIncompleteError extends AppError {
  static readonly code = "ONBOARDING_INCOMPLETE";
  static readonly httpStatus = 409;
  constructor() {
    super("The patient must finish onboarding before booking");
    this.name = "OnboardingIncompleteError";
  }
}

errorObjectType(HoldExpiredError, { name: "HoldExpiredError" });
errorObjectType(OnboardingIncompleteError, { name: "OnboardingIncompleteError" });
