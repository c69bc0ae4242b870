import { builder } from "../../../../graphql/builder.js";
import { staffRoles } from "../../../../identity/roles.js";
import { SpecialistRef } from "../../../specialists/index.js";

builder.prismaObjectField(SpecialistRef, "reviews", (t) =>
  t.relatedConnection("reviews", {
    cursor: "id",
    description: "The specialist's reviews, newest first. Staff only.",
    authScopes: { orgRole: staffRoles },
    query: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
  }),
);
