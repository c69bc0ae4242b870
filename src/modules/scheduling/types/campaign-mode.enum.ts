import { builder } from "../../../graphql/builder.js";

export const CampaignModeEnum = builder.enumType("CampaignMode", {
  values: {
    replace: {
      description: "The campaign's hours are offered instead of the specialists' weekly hours (days off still count).",
    },
    narrow: { description: "Only the specialists' hours that fall inside the campaign's hours are offered." },
  },
});
