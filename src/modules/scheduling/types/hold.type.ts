import { builder } from "../../../graphql/builder.js";
import type { Hold } from "../../../holds/hold-store.js";

export const HoldRef = builder.objectRef<Hold>("Hold").implement({
  description:
    "A slot reserved for a short time while its client books. Exclusive: no other hold or slot offer overlaps it.",
  fields: (t) => ({
    token: t.exposeString("token", {
      description: "The hold's credential: keep it to extend, release or book it (an anonymous widget's only proof).",
    }),
    calendarId: t.globalID({ resolve: (h) => ({ type: "Calendar", id: h.calendarId }) }),
    specialistId: t.globalID({ resolve: (h) => ({ type: "Specialist", id: h.specialistId }) }),
    start: t.field({ type: "DateTime", resolve: (h) => new Date(h.slotStart) }),
    end: t.field({ type: "DateTime", resolve: (h) => new Date(h.slotEnd) }),
    expiresAt: t.field({ type: "DateTime", resolve: (h) => new Date(h.expiresAt) }),
  }),
});
