import { builder } from "../../../graphql/builder.js";
import type { WeeklyRange } from "../domain/availability/compute-timeslots.js";
import { readWeeklyRanges } from "../domain/schedule/time-ranges.js";
import { CalendarKindEnum } from "./calendar-kind.enum.js";
import { CampaignModeEnum } from "./campaign-mode.enum.js";
import { WeeklyRangeRef } from "./time-range.type.js";

interface Campaign {
  validFrom: Date;
  validTo: Date;
  mode: "replace" | "narrow";
  weeklyHours: WeeklyRange[];
}

const CalendarCampaignRef = builder.objectRef<Campaign>("CalendarCampaign").implement({
  description: "A campaign calendar offers slots only in [validFrom, validTo), with its own hours.",
  fields: (t) => ({
    validFrom: t.expose("validFrom", { type: "DateTime" }),
    validTo: t.expose("validTo", { type: "DateTime" }),
    mode: t.expose("mode", { type: CampaignModeEnum }),
    weeklyHours: t.expose("weeklyHours", {
      type: [WeeklyRangeRef],
      description: "Wall-clock times in the calendar's time zone.",
    }),
  }),
});

export const CalendarRef = builder.prismaNode("Calendar", {
  id: { field: "id" },
  nullable: true,
  fields: (t) => ({
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: CalendarKindEnum }),
    service: t.relation("service"),
    slotIntervalMinutes: t.exposeInt("slotIntervalMinutes", { description: "Slots start this often." }),
    bufferBeforeMinutes: t.exposeInt("bufferBeforeMinutes"),
    bufferAfterMinutes: t.exposeInt("bufferAfterMinutes"),
    minimumNoticeMinutes: t.exposeInt("minimumNoticeMinutes", { description: "No slot starts sooner than this." }),
    bookingHorizonDays: t.exposeInt("bookingHorizonDays", { description: "No slot starts later than this." }),
    maxBookingsPerDayPerSpecialist: t.exposeInt("maxBookingsPerDayPerSpecialist", { nullable: true }),
    timezone: t.exposeString("timezone", { description: "IANA zone slots are shown in by default." }),
    slug: t.exposeString("slug", {
      nullable: true,
      description: "Set: the calendar is published to booking widgets (anonymous timeslots and holds).",
    }),
    active: t.exposeBoolean("active"),
    campaign: t.field({
      type: CalendarCampaignRef,
      nullable: true,
      resolve: (c) =>
        c.kind === "campaign" && c.campaignValidFrom && c.campaignValidTo && c.campaignMode
          ? {
              validFrom: c.campaignValidFrom,
              validTo: c.campaignValidTo,
              mode: c.campaignMode,
              weeklyHours: readWeeklyRanges(c.campaignHours),
            }
          : null,
    }),
    specialists: t.relatedConnection("specialists", {
      cursor: "calendarId_specialistId",
      query: { orderBy: [{ createdAt: "asc" }, { specialistId: "asc" }] },
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});
