import { builder } from "../../../graphql/builder.js";

export const AccessGrantEnum = builder.enumType("AccessGrant", {
  values: {
    telerehab_access: { description: "Treatment plans assigned by a specialist." },
    library_access: { description: "The patient's self-service library." },
  } as const,
});
