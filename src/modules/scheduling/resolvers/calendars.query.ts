import { builder } from "../../../graphql/builder.js";
import { staffRoles } from "../../../identity/roles.js";
import { ServiceRef } from "../../services/index.js";
import { CalendarRef } from "../types/calendar.type.js";
import { CalendarKindEnum } from "../types/calendar-kind.enum.js";

builder.queryField("calendars", (t) =>
  t.prismaConnection({
    type: CalendarRef,
    cursor: "id",
    description: "The active organization's calendars, oldest first.",
    authScopes: { orgRole: staffRoles },
    args: {
      serviceId: t.arg.globalID({ for: ServiceRef, required: false }),
      kind: t.arg({ type: CalendarKindEnum, required: false }),
      active: t.arg.boolean({ required: false }),
    },
    resolve: (query, _root, { serviceId, kind, active }, { db }) =>
      db.calendar.findMany({
        ...query,
        where: { serviceId: serviceId?.id, kind: kind ?? undefined, active: active ?? undefined },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      }),
  }),
);
