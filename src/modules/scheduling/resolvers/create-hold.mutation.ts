import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { placeHold } from "../domain/holds/place-hold.js";
import { HoldLimitError, SlotUnavailableError } from "../errors.js";
import { CreateHoldInput } from "../types/create-hold-input.js";
import { HoldRef } from "../types/hold.type.js";

builder.mutationField("createHold", (t) =>
  t.field({
    type: HoldRef,
    description:
      "Reserves a slot for HOLD_TTL_SECONDS while the caller books. Anyone may hold a published calendar's slots; a client (user, API key, or anonymous IP address) holds at most HOLD_MAX_PER_CLIENT at once.",
    authScopes: { public: true },
    errors: { types: [NotFoundError, SlotUnavailableError, HoldLimitError] },
    args: { input: t.arg({ type: CreateHoldInput }) },
    // Audited in the calendar's organization, not the caller's: placeHold runs its own `audited`.
    resolve: (_root, { input }, ctx) =>
      placeHold(ctx, {
        calendarId: input.calendarId.id,
        start: input.start.getTime(),
        specialistId: input.specialistId?.id,
      }),
  }),
);
