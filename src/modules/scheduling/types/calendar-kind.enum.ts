import { builder } from "../../../graphql/builder.js";

export const CalendarKindEnum = builder.enumType("CalendarKind", {
  values: ["default", "campaign", "promotion"] as const,
});
