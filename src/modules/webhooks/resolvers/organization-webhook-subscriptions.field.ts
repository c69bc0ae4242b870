import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { OrganizationRef } from "../../organizations/organization.type.js";

builder.prismaObjectField(OrganizationRef, "webhookSubscriptions", (t) =>
  t.relatedConnection("webhookSubscriptions", {
    cursor: "id",
    description: "The organization's webhook endpoints, oldest first.",
    authScopes: { orgRole: managerRoles },
    query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  }),
);
