import { builder } from "../../../graphql/builder.js";

export const DeliveryModeEnum = builder.enumType("DeliveryMode", { values: ["in_clinic", "telehealth"] as const });
