import { z } from "zod";
import { bcp47Locale, email, ianaTimeZone, name } from "../../../validation.js";

/** Today's date where it is latest on Earth (UTC+14), so no birth date that is today anywhere is refused. */
function latestToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Kiritimati" }).format(new Date());
}

/** Phone numbers are stored in E.164; spaces, dots, dashes and parentheses are dropped first. */
export const phone = z
  .string()
  .transform((v) => v.replace(/[\s().-]/g, ""))
  .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, { message: "must be an international number such as +14155550123" }));

export const dateOfBirth = z.iso
  .date({ message: "must be a date such as 1990-04-23" })
  .refine((date) => date <= latestToday(), { message: "must not be in the future" });

export const patientFields = {
  firstName: name,
  lastName: name,
  email,
  phone,
  dateOfBirth,
  timezone: ianaTimeZone,
  locale: bcp47Locale,
};
