import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { SpecialistRef } from "../../specialists/specialist.type.js";
import { CalendarRef } from "../types/calendar.type.js";
import { HoldLimitError, SlotUnavailableError } from "../errors.js";
import { HoldRef } from "../types/hold.type.js";
import { announceHold, ownHold, placeHold } from "../domain/holds/place-hold.js";

const CreateHoldInput = builder.inputType("CreateHoldInput", {
  fields: (t) => ({
    calendarId: t.globalID({ for: CalendarRef }),
    start: t.field({ type: "DateTime", description: "A slot's start, as timeslots gives it." }),
    specialistId: t.globalID({
      for: SpecialistRef,
      required: false,
      description: "Unset: a free specialist is assigned fairly.",
    }),
  }),
});

builder.mutationFields((t) => ({
  createHold: t.field({
    type: HoldRef,
    description:
      "Reserves a slot for HOLD_TTL_SECONDS while the caller books. Anyone may hold a published calendar's slots; a client (user, API key, or anonymous IP address) holds at most HOLD_MAX_PER_CLIENT at once.",
    authScopes: { public: true },
    errors: { types: [NotFoundError, SlotUnavailableError, HoldLimitError] },
    args: { input: t.arg({ type: CreateHoldInput }) },
    resolve: (_root, { input }, ctx) =>
      placeHold(ctx, {
        calendarId: input.calendarId.id,
        start: input.start.getTime(),
        specialistId: input.specialistId?.id,
      }),
  }),
  extendHold: t.field({
    type: HoldRef,
    description: "Gives a live hold a fresh TTL from now.",
    authScopes: { public: true },
    errors: { types: [NotFoundError] },
    args: { token: t.arg.string() },
    resolve: async (_root, { token }, ctx) => {
      await ownHold(ctx, token);
      const extended = await ctx.services.holds.extend(token, ctx.services.config.holds.ttlMs);
      if (!extended) throw new NotFoundError("Hold");
      return extended;
    },
  }),
  releaseHold: t.field({
    type: HoldRef,
    description: "Gives a held slot back at once.",
    authScopes: { public: true },
    errors: { types: [NotFoundError] },
    args: { token: t.arg.string() },
    resolve: async (_root, { token }, ctx) => {
      await ownHold(ctx, token);
      const released = await ctx.services.holds.release(token);
      if (!released) throw new NotFoundError("Hold");
      await announceHold(ctx, released, "HOLD_RELEASED");
      return released;
    },
  }),
}));
