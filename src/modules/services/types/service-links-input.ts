import { z } from "zod";
import { builder } from "../../../graphql/builder.js";
import { SpecialistRef } from "../../specialists/index.js";
import { ServiceRef } from "./service.type.js";

const atMost100 = z.array(z.unknown()).max(100, { message: "must list at most 100 ids" });

export const SetServiceSpecialistsInput = builder.inputType("SetServiceSpecialistsInput", {
  fields: (t) => ({
    serviceId: t.globalID({ for: ServiceRef }),
    specialistIds: t.globalIDList({ for: SpecialistRef, validate: atMost100, description: "The whole new set." }),
  }),
});

export const SetServiceAddOnsInput = builder.inputType("SetServiceAddOnsInput", {
  fields: (t) => ({
    serviceId: t.globalID({ for: ServiceRef }),
    addOnServiceIds: t.globalIDList({ for: ServiceRef, validate: atMost100, description: "The whole new set." }),
  }),
});
