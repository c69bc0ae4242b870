import type { AccessGrant } from "../../../generated/prisma/enums.js";
import { builder } from "../../../graphql/builder.js";
import { PatientRef } from "../../patients/patient.type.js";
import { AccessGrantEnum } from "./access-grant.enum.js";

export interface PatientAccess {
  patientId: string;
  grants: AccessGrant[];
}

export const PatientAccessRef = builder.objectRef<PatientAccess>("PatientAccess").implement({
  description: "What a patient may use now, from the plans they hold.",
  fields: (t) => ({
    patient: t.prismaField({
      type: PatientRef,
      resolve: (query, access, _args, ctx) =>
        ctx.db.patient.findUniqueOrThrow({ ...query, where: { id: access.patientId } }),
    }),
    grants: t.field({ type: [AccessGrantEnum], resolve: (access) => access.grants }),
    telerehabAccess: t.boolean({ resolve: (access) => access.grants.includes("telerehab_access") }),
    libraryAccess: t.boolean({ resolve: (access) => access.grants.includes("library_access") }),
  }),
});
