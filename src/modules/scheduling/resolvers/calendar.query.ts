import { builder } from "../../../graphql/builder.js";
import { staffRoles } from "../../../identity/roles.js";
import { CalendarRef } from "../types/calendar.type.js";

builder.queryField("calendar", (t) =>
  t.prismaField({
    type: CalendarRef,
    nullable: true,
    description: "A calendar of the active organization; null for any other id.",
    authScopes: { orgRole: staffRoles },
    args: { id: t.arg.globalID({ for: CalendarRef }) },
    resolve: (query, _root, { id }, { db }) => db.calendar.findUnique({ ...query, where: { id: id.id } }),
  }),
);
