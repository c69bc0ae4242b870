/** The constraint that keeps a specialist's appointments from overlapping (see the appointments migration). */
const CONSTRAINT = "appointments_no_double_booking";

/** Whether an error is PostgreSQL refusing an overlapping appointment (exclusion violation 23P01). */
export function isDoubleBooking(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const fields = e as { code?: unknown; originalCode?: unknown; message?: unknown; meta?: unknown };
    if (fields.code === "23P01" || fields.originalCode === "23P01") return true;
    if (typeof fields.message === "string" && fields.message.includes(CONSTRAINT)) return true;
    if (fields.meta && JSON.stringify(fields.meta).includes(CONSTRAINT)) return true;
  }
  return false;
}
