import { builder } from "../../graphql/builder.js";

export const BillingModelEnum = builder.enumType("BillingModel", {
  values: {
    session_based: { description: "`pricePerSession` for one session, whatever its length." },
    time_based: { description: "`pricePerUnit` for each started `unitMinutes`." },
    hybrid: { description: "`basePrice` plus `pricePerUnit` for each started `unitMinutes`." },
  } as const,
});

export const DeliveryModeEnum = builder.enumType("DeliveryMode", { values: ["in_clinic", "telehealth"] as const });

export const AccessGrantEnum = builder.enumType("AccessGrant", {
  values: {
    telerehab_access: { description: "Treatment plans assigned by a specialist." },
    library_access: { description: "The patient's self-service library." },
  } as const,
});

export const PatientServicePlanStatusEnum = builder.enumType("PatientServicePlanStatus", {
  values: ["active", "exhausted", "expired", "cancelled"] as const,
});

export const ProductKindEnum = builder.enumType("ProductKind", { values: ["physical", "digital"] as const });

export const ProductOrderStatusEnum = builder.enumType("ProductOrderStatus", {
  values: ["pending", "paid", "fulfilled", "cancelled", "refunded"] as const,
});
