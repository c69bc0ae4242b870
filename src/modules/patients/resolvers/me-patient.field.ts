import { builder } from "../../../graphql/builder.js";
import { viewerPatientId } from "../../../identity/viewer.js";
import { MeRef } from "../../auth/index.js";
import { PatientRef } from "../types/patient.type.js";

builder.objectField(MeRef, "patient", (t) =>
  t.prismaField({
    type: PatientRef,
    nullable: true,
    description: "The patient record you act as: your own as a patient member, or the one you impersonate.",
    resolve: (query, viewer, _args, { db }) => {
      const id = viewerPatientId(viewer);
      return id ? db.patient.findUnique({ ...query, where: { id } }) : null;
    },
  }),
);
