import { prismaConnectionHelpers } from "@pothos/plugin-prisma";
import { builder } from "../../../graphql/builder.js";
import { SpecialistRef } from "../../specialists/index.js";
import { SpecialtyRef } from "../types/specialty.type.js";

/** A specialist's specialties, paged over the links, by name (unique in an organization). */
const specialtyLinks = prismaConnectionHelpers(builder, "SpecialistSpecialty", {
  cursor: "specialistId_specialtyId",
  select: (nodeSelection) => ({ specialty: nodeSelection(true) }),
  query: { orderBy: { specialty: { name: "asc" } } },
  resolveNode: (link) => link.specialty,
});

builder.prismaObjectField(SpecialistRef, "specialties", (t) =>
  t.connection({
    type: SpecialtyRef,
    description: "The specialist's specialties, by name.",
    select: (args, ctx, nestedSelection) => ({ specialties: specialtyLinks.getQuery(args, ctx, nestedSelection) }),
    resolve: (specialist, args, ctx) => specialtyLinks.resolve(specialist.specialties, args, ctx),
  }),
);
