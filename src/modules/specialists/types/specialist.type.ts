import { builder } from "../../../graphql/builder.js";
import { staffRoles } from "../../../identity/roles.js";

export const SpecialistRef = builder.prismaNode("Specialist", {
  nullable: true,
  id: { field: "id" },
  description: "A practitioner of the organization, who delivers services.",
  fields: (t) => ({
    firstName: t.exposeString("firstName"),
    lastName: t.exposeString("lastName"),
    email: t.exposeString("email", { nullable: true }),
    timezone: t.exposeString("timezone", { description: "IANA time zone their hours are kept in." }),
    bio: t.exposeString("bio", { nullable: true }),
    active: t.exposeBoolean("active", { description: "Inactive specialists stay listed but take no new bookings." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    user: t.relation("user", {
      nullable: true,
      description: "The user account that signs in as this specialist and may edit this profile.",
      authScopes: { orgRole: staffRoles },
    }),
  }),
});
