import { z } from "zod";
import { Prisma } from "../../db/prisma.js";
import { builder } from "../../graphql/builder.js";
import { ianaTimeZone, name } from "../../validation.js";
import { slug } from "../organizations/organization-input.js";
import { ServiceRef } from "../services/service.type.js";
import { CalendarKindEnum, CampaignModeEnum } from "./calendar.type.js";
import { WeeklyRangeInput } from "./time-range.type.js";
import { nonOverlapping, toWeeklyRange } from "./time-ranges.js";

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
 * keep their value (or default); on update, null clears `slug`, `maxBookingsPerDayPerSpecialist` and `campaign`.
 */
const calendarInput = (create: boolean) =>
  builder.inputType(create ? "CreateCalendarInput" : "UpdateCalendarInput", {
    fields: (t) => ({
      serviceId: t.globalID({ for: ServiceRef, required: create }),
      name: t.string({ required: create, validate: name }),
      kind: t.field({ type: CalendarKindEnum, required: false, description: create ? "Default: default." : undefined }),
      slotIntervalMinutes: t.int({
        required: false,
        validate: z.number().int().min(1).max(1440),
        description: create ? "Default: the service's duration." : undefined,
      }),
      bufferBeforeMinutes: t.int({ required: false, validate: minutes(1440) }),
      bufferAfterMinutes: t.int({ required: false, validate: minutes(1440) }),
      minimumNoticeMinutes: t.int({ required: false, validate: minutes(525_600) }),
      bookingHorizonDays: t.int({
        required: false,
        validate: z.number().int().min(1).max(730),
        description: create ? "Default: 60." : undefined,
      }),
      maxBookingsPerDayPerSpecialist: t.int({ required: false, validate: z.number().int().min(1).max(1000) }),
      timezone: t.string({
        required: false,
        validate: ianaTimeZone,
        description: create ? "Default: the organization's." : undefined,
      }),
      slug: t.string({ required: false, validate: slug, description: "Unique across organizations." }),
      active: t.boolean({ required: false }),
      campaign: t.field({
        type: CampaignInput,
        required: false,
        description: "Required for (and only for) campaign calendars.",
      }),
    }),
    validate: create
      ? z.looseObject({}).superRefine((input, context) => campaignMatchesKind(input, context))
      : undefined,
  });

export const CreateCalendarInput = calendarInput(true);
export const UpdateCalendarInput = calendarInput(false);

/** A campaign calendar has its campaign; no other kind has one. */
export function campaignMatchesKind(
  calendar: { kind?: unknown; campaign?: unknown },
  context: { addIssue(issue: { code: "custom"; path: string[]; message: string }): void },
) {
  const isCampaign = calendar.kind === "campaign";
  if (isCampaign && calendar.campaign == null) {
    context.addIssue({ code: "custom", path: ["campaign"], message: "is required for a campaign calendar" });
  }
  if (!isCampaign && calendar.campaign != null) {
    context.addIssue({ code: "custom", path: ["campaign"], message: "is only for campaign calendars" });
  }
}

interface CampaignValues {
  validFrom: Date;
  validTo: Date;
  mode: "replace" | "narrow";
  weeklyHours: { weekday: number; start: string; end: string }[];
}

/** The campaign columns for a validated campaign input, or all null. */
export function campaignColumns(campaign: CampaignValues | null) {
  return {
    campaignValidFrom: campaign?.validFrom ?? null,
    campaignValidTo: campaign?.validTo ?? null,
    campaignMode: campaign?.mode ?? null,
    campaignHours: campaign
      ? (campaign.weeklyHours.map(toWeeklyRange) as unknown as Prisma.InputJsonValue)
      : Prisma.DbNull,
  };
}
