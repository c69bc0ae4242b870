import { prismaConnectionHelpers } from "@pothos/plugin-prisma";
import { builder } from "../../../graphql/builder.js";
import { SpecialistRef } from "../../specialists/index.js";

/** A specialty's specialists, paged over the links, by name. */
const specialistLinks = prismaConnectionHelpers(builder, "SpecialistSpecialty", {
  cursor: "specialistId_specialtyId",
  select: (nodeSelection) => ({ specialist: nodeSelection(true) }),
  resolveNode: (link) => link.specialist,
});

export const SpecialtyRef = builder.prismaNode("Specialty", {
  nullable: true,
  id: { field: "id" },
  description: "An organization-defined category of specialists (physiotherapy, sports medicine...).",
  fields: (t) => ({
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    specialists: t.connection({
      type: SpecialistRef,
      description: "The specialists with this specialty, by name.",
      select: (args, ctx, nestedSelection) => ({
        specialists: {
          ...specialistLinks.getQuery(args, ctx, nestedSelection),
          orderBy: [{ specialist: { lastName: "asc" } }, { specialist: { firstName: "asc" } }, { specialistId: "asc" }],
        },
      }),
      resolve: (specialty, args, ctx) => specialistLinks.resolve(specialty.specialists, args, ctx),
    }),
  }),
});
