import { builder } from "../../../graphql/builder.js";

export const BillingModelEnum = builder.enumType("BillingModel", {
  values: {
    session_based: { description: "`pricePerSession` for one session, whatever its length." },
    time_based: { description: "`pricePerUnit` for each started `unitMinutes`." },
    hybrid: { description: "`basePrice` plus `pricePerUnit` for each started `unitMinutes`." },
  } as const,
});
