import { builder } from "../../../graphql/builder.js";
import type { Context } from "../../../graphql/context.js";
import { isImpersonating, viewerRole } from "../../../identity/viewer.js";
import { MemberRoleEnum, MembershipRef, OrganizationRef } from "../../organizations/index.js";
import { UserRef } from "./user.type.js";

/** The caller, as `me` describes it. */
export const MeRef = builder.objectRef<Context["viewer"]>("Me").implement({
  description: "Who is calling: a signed-in user or an organization API key, and where they act.",
  fields: (t) => ({
    kind: t.string({ description: "user or apiKey", resolve: (viewer) => viewer.kind }),
    user: t.prismaField({
      type: UserRef,
      nullable: true,
      resolve: (query, viewer, _args, { db }) =>
        viewer.kind === "user" ? db.user.findUnique({ ...query, where: { id: viewer.userId } }) : null,
    }),
    activeOrganization: t.prismaField({
      type: OrganizationRef,
      nullable: true,
      resolve: (query, _viewer, _args, { db, scope }) =>
        scope.organizationId ? db.organization.findUnique({ ...query, where: { id: scope.organizationId } }) : null,
    }),
    role: t.field({
      type: MemberRoleEnum,
      nullable: true,
      description: "Your role in the active organization (`patient` while impersonating one).",
      resolve: (viewer) => viewerRole(viewer),
    }),
    impersonating: t.boolean({
      description:
        "True when an owner or admin acts as a patient (`X-Impersonate-Patient`): `user` is still you, `role` is patient.",
      resolve: (viewer) => isImpersonating(viewer),
    }),
    memberships: t.prismaConnection({
      type: MembershipRef,
      cursor: "id",
      description: "Every organization you belong to, with your role there.",
      resolve: (query, viewer, _args, { db }) =>
        db.userOrganization.findMany({
          ...query,
          // An API key belongs to no user: its list is empty.
          where: viewer.kind === "user" ? { userId: viewer.userId } : { id: { in: [] } },
          orderBy: { createdAt: "asc" },
        }),
    }),
  }),
});
