import { z } from "zod";
import { InvalidTransitionError, NotFoundError } from "../../../errors.js";
import type { AppointmentStatus } from "../../../generated/prisma/client.js";
import { builder } from "../../../graphql/builder.js";
import type { MemberRole } from "../../../identity/roles.js";
import { memberRoles, staffRoles } from "../../../identity/roles.js";
import { transitionAppointment } from "../domain/lifecycle/member-change.js";
import { AppointmentRef } from "../types/appointment.type.js";

const reason = z.string().trim().min(1).max(500);

function statusMutation(name: string, to: AppointmentStatus, roles: readonly MemberRole[], description: string) {
  builder.mutationField(name, (t) =>
    t.field({
      type: AppointmentRef,
      description,
      authScopes: { orgRole: roles },
      errors: { types: [NotFoundError, InvalidTransitionError] },
      args: { id: t.arg.globalID({ for: AppointmentRef }) },
      resolve: (_root, { id }, ctx) => transitionAppointment(ctx, id.id, to),
    }),
  );
}

statusMutation(
  "confirmAppointment",
  "upcoming",
  memberRoles,
  "booked → upcoming (it also happens by itself when the reminder window opens). Staff, or the appointment's patient.",
);
statusMutation("startAppointment", "in_progress", staffRoles, "booked/upcoming → in_progress: the visit began. Staff.");
statusMutation("completeAppointment", "done", staffRoles, "in_progress → done: the visit took place. Staff.");
statusMutation(
  "markAppointmentNoShow",
  "no_show",
  staffRoles,
  "booked/upcoming → no_show, once the start has passed (it also happens by itself after the end). Staff.",
);

builder.mutationField("cancelAppointment", (t) =>
  t.field({
    type: AppointmentRef,
    description:
      "booked/upcoming → cancelled: the time is free again and a consumed plan session is given back. Staff any time; the appointment's patient up to the organization's cancellationNoticeHours before the start.",
    authScopes: { orgRole: memberRoles },
    errors: { types: [NotFoundError, InvalidTransitionError] },
    args: {
      id: t.arg.globalID({ for: AppointmentRef }),
      reason: t.arg.string({ required: false, validate: reason }),
    },
    resolve: (_root, args, ctx) => transitionAppointment(ctx, args.id.id, "cancelled", args.reason ?? null),
  }),
);
