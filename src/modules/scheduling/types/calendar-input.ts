import { z } from "zod";
import { builder } from "../../../graphql/builder.js";
import { ianaTimeZone, name } from "../../../validation.js";
import { slug } from "../../organizations/index.js";
import { ServiceRef } from "../../services/index.js";
import { campaignMatchesKind } from "../domain/calendars/campaign.js";
import { nonOverlapping } from "../domain/schedule/time-ranges.js";
import { CalendarKindEnum } from "./calendar-kind.enum.js";
import { CampaignModeEnum } from "./campaign-mode.enum.js";
import { WeeklyRangeInput } from "./time-range-input.js";

const minutes = (max: number) => z.number().int().min(0).max(max);

export const CampaignInput = builder.inputType("CampaignInput", {
  description: "A campaign calendar's window and hours (wall-clock times in the calendar's time zone).",
  fields: (t) => ({
    validFrom: t.field({ type: "DateTime" }),
    validTo: t.field({ type: "DateTime", description: "Exclusive; after validFrom." }),
    mode: t.field({ type: CampaignModeEnum }),
    weeklyHours: t.field({ type: [WeeklyRangeInput], validate: z.array(z.any()).superRefine(nonOverlapping) }),
  }),
  validate: z
    .looseObject({ validFrom: z.date(), validTo: z.date() })
    .refine((c) => c.validTo > c.validFrom, { message: "must be after validFrom", path: ["validTo"] }),
});

/**
 * Fields both inputs share; `create` says whether service and name must be given. Absent fields
 * keep their value (or default); on update, null clears `slug`, `maxBookingsPerDayPerSpecialist`
 * and `campaign`. The settings are validated as one object, so every invalid one is reported at once.
 */
const calendarInput = (create: boolean) =>
  builder.inputType(create ? "CreateCalendarInput" : "UpdateCalendarInput", {
    fields: (t) => ({
      serviceId: t.globalID({ for: ServiceRef, required: create }),
      name: t.string({ required: create }),
      kind: t.field({ type: CalendarKindEnum, required: false, description: create ? "Default: default." : undefined }),
      slotIntervalMinutes: t.int({
        required: false,
        description: create ? "Default: the service's duration." : undefined,
      }),
      bufferBeforeMinutes: t.int({ required: false }),
      bufferAfterMinutes: t.int({ required: false }),
      minimumNoticeMinutes: t.int({ required: false }),
      bookingHorizonDays: t.int({ required: false, description: create ? "Default: 60." : undefined }),
      maxBookingsPerDayPerSpecialist: t.int({ required: false }),
      timezone: t.string({ required: false, description: create ? "Default: the organization's." : undefined }),
      slug: t.string({ required: false, description: "Unique across organizations." }),
      active: t.boolean({ required: false }),
      campaign: t.field({
        type: CampaignInput,
        required: false,
        description: "Required for (and only for) campaign calendars.",
      }),
    }),
    validate: z
      .looseObject({
        name: create ? name : name.nullish(),
        slotIntervalMinutes: z.number().int().min(1).max(1440).nullish(),
        bufferBeforeMinutes: minutes(1440).nullish(),
        bufferAfterMinutes: minutes(1440).nullish(),
        minimumNoticeMinutes: minutes(525_600).nullish(),
        bookingHorizonDays: z.number().int().min(1).max(730).nullish(),
        maxBookingsPerDayPerSpecialist: z.number().int().min(1).max(1000).nullish(),
        timezone: ianaTimeZone.nullish(),
        slug: slug.nullish(),
      })
      .superRefine((input, context) => {
        if (create) campaignMatchesKind({ kind: input.kind, campaign: input.campaign }, context);
      }),
  });

export const CreateCalendarInput = calendarInput(true);
export const UpdateCalendarInput = calendarInput(false);
