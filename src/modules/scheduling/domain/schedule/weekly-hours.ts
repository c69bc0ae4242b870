import type { Prisma } from "../../../../db/prisma.js";
import type { WeeklyRange } from "../availability/compute-timeslots.js";

/** A specialist's weekly hours as the engine takes them, in week order. */
export async function weeklyHoursOf(tx: Prisma.TransactionClient, specialistId: string): Promise<WeeklyRange[]> {
  const rows = await tx.specialistWeeklyHours.findMany({
    where: { specialistId },
    orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
  });
  return rows.map((r) => ({ weekday: r.weekday, start: r.startMinute, end: r.endMinute }));
}
