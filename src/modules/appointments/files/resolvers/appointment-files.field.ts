import { builder } from "../../../../graphql/builder.js";
import { AppointmentRef } from "../../types/appointment.type.js";

builder.prismaObjectField(AppointmentRef, "files", (t) =>
  t.relatedConnection("files", {
    cursor: "id",
    description: "Files attached to the appointment, oldest first; pending uploads (not yet confirmed) are left out.",
    query: { where: { uploadedAt: { not: null } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  }),
);
