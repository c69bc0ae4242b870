import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { OrganizationRef } from "../../organizations/organization.type.js";

builder.prismaObjectField(OrganizationRef, "webhookEvents", (t) =>
  t.relatedConnection("events", {
    cursor: "id",
    description: "The organization's events (the messages webhooks deliver), newest first.",
    authScopes: { orgRole: managerRoles },
    args: {
      type: t.arg.string({ required: false, description: "Only events of this type." }),
      since: t.arg({ type: "DateTime", required: false, description: "Only events at or after this instant." }),
    },
    query: ({ type, since }) => ({
      where: { type: type ?? undefined, createdAt: since ? { gte: since } : undefined },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    }),
  }),
);
