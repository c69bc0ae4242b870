import type { AccessGrant } from "../../generated/prisma/enums.js";
import { builder } from "../../graphql/builder.js";
import { PatientRef } from "../patients/patient.type.js";
import { AccessGrantEnum } from "./enums.js";
import { patientAccessGrants } from "./patient-plans.js";
import { readerRoles } from "./roles.js";

interface PatientAccess {
  patientId: string;
  grants: AccessGrant[];
}

const PatientAccessRef = builder.objectRef<PatientAccess>("PatientAccess").implement({
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

builder.queryField("patientAccess", (t) =>
  t.field({
    type: PatientAccessRef,
    nullable: true,
    description:
      "The access grants a patient holds now: those of their plans that have started and are neither expired nor cancelled. Null for an unknown patient, another organization's, or (for a patient) someone else.",
    authScopes: { orgRole: readerRoles },
    args: { patientId: t.arg.globalID({ for: PatientRef }) },
    resolve: async (_root, { patientId }, ctx) => {
      const patient = await ctx.db.patient.findUnique({ where: { id: patientId.id }, select: { id: true } });
      if (!patient) return null;
      return { patientId: patient.id, grants: await patientAccessGrants(ctx.db, patient.id) };
    },
  }),
);
