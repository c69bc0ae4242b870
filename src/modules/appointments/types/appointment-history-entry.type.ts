import { builder } from "../../../graphql/builder.js";
import { AppointmentActorEnum } from "./appointment-actor.enum.js";
import { AppointmentStatusEnum } from "./appointment-status.enum.js";

export const AppointmentHistoryEntryRef = builder.prismaObject("AppointmentHistory", {
  name: "AppointmentHistoryEntry",
  description: "One step of an appointment's life: the booking, a status change, or a reschedule.",
  fields: (t) => ({
    fromStatus: t.expose("fromStatus", {
      type: AppointmentStatusEnum,
      nullable: true,
      description: "Null for the booking.",
    }),
    toStatus: t.expose("toStatus", { type: AppointmentStatusEnum }),
    actor: t.expose("actor", { type: AppointmentActorEnum }),
    reason: t.exposeString("reason", { nullable: true }),
    previousStart: t.expose("previousStartAt", {
      type: "DateTime",
      nullable: true,
      description: "Reschedules: the start the appointment moved away from.",
    }),
    previousEnd: t.expose("previousEndAt", { type: "DateTime", nullable: true }),
    occurredAt: t.expose("occurredAt", { type: "DateTime" }),
  }),
});
