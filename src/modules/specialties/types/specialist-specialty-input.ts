import { builder } from "../../../graphql/builder.js";
import { SpecialistRef } from "../../specialists/index.js";
import { SpecialtyRef } from "./specialty.type.js";

export const SpecialistSpecialtyInput = builder.inputType("SpecialistSpecialtyInput", {
  fields: (t) => ({
    specialistId: t.globalID({ for: SpecialistRef }),
    specialtyId: t.globalID({ for: SpecialtyRef }),
  }),
});
