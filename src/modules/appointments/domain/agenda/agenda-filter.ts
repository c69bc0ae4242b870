import type { Prisma } from "../../../../db/prisma.js";
import { ValidationError } from "../../../../errors.js";
import type { AppointmentStatus } from "../../../../generated/prisma/enums.js";

const DAY = 86_400_000;
/** The longest range one agenda request may span. */
export const MAX_AGENDA_DAYS = 62;

export interface AgendaFilter {
  from: Date;
  to: Date;
  specialistIds?: string[];
  serviceIds?: string[];
  statuses?: AppointmentStatus[] | null;
  patientId?: string;
}

/** The filter of appointments starting in [from, to); ValidationError for an empty or too long range. */
export function agendaWhere(filter: AgendaFilter): Prisma.AppointmentWhereInput {
  if (filter.to <= filter.from) throw new ValidationError([{ path: ["to"], message: "must be after from" }]);
  if (filter.to.getTime() - filter.from.getTime() > MAX_AGENDA_DAYS * DAY) {
    throw new ValidationError([{ path: ["to"], message: `must be at most ${MAX_AGENDA_DAYS} days after from` }]);
  }
  return {
    startAt: { gte: filter.from, lt: filter.to },
    ...(filter.specialistIds?.length && { specialistId: { in: filter.specialistIds } }),
    ...(filter.serviceIds?.length && { serviceId: { in: filter.serviceIds } }),
    ...(filter.statuses?.length && { status: { in: filter.statuses } }),
    ...(filter.patientId && { patientId: filter.patientId }),
  };
}
