import { builder } from "../../../graphql/builder.js";
import { PatientRef } from "../../patients/patient.type.js";
import { readerRoles } from "../../services/index.js";
import { patientAccessGrants } from "../domain/access-grants.js";
import { PatientAccessRef } from "../types/patient-access.type.js";

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
