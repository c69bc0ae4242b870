import { Prisma } from "../../../../db/prisma.js";
import { toWeeklyRange } from "../schedule/time-ranges.js";

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

export interface CampaignValues {
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
