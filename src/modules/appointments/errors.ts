import { AppError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { ErrorInterface } from "../../graphql/error-types.js";

/** The hold to book from is gone: it expired, was released, or was already booked. */
export class HoldExpiredError extends AppError {
  readonly code = "HOLD_EXPIRED";
  constructor(message = "The hold has expired; hold the slot again") {
    super(message);
    this.name = "HoldExpiredError";
  }
}

/** The organization refuses a first booking by a patient who has not finished onboarding. */
export class OnboardingIncompleteError extends AppError {
  readonly code = "ONBOARDING_INCOMPLETE";
  constructor() {
    super("The patient must finish onboarding before booking");
    this.name = "OnboardingIncompleteError";
  }
}

builder.objectType(HoldExpiredError, { name: "HoldExpiredError", interfaces: [ErrorInterface] });
builder.objectType(OnboardingIncompleteError, { name: "OnboardingIncompleteError", interfaces: [ErrorInterface] });
