import { builder } from "../../../graphql/builder.js";
import { SpecialistRef } from "../../specialists/index.js";
import { CalendarRef } from "./calendar.type.js";

export const CreateHoldInput = builder.inputType("CreateHoldInput", {
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
