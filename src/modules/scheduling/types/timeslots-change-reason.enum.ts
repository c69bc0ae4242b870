import { builder } from "../../../graphql/builder.js";
import { timeslotsChangeReasons } from "../domain/timeslots/announce.js";

export const TimeslotsChangeReasonEnum = builder.enumType("TimeslotsChangeReason", {
  values: ["INITIAL", ...timeslotsChangeReasons] as const,
});
