import { z } from "zod";

/** Validators shared by several modules' inputs. */
export const ianaTimeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return zone.length > 0;
    } catch {
      return false;
    }
  },
  { message: "must be an IANA time zone such as Europe/Berlin" },
);

export const bcp47Locale = z.string().refine(
  (locale) => {
    try {
      return Intl.getCanonicalLocales(locale).length === 1;
    } catch {
      return false;
    }
  },
  { message: "must be a BCP 47 locale such as en or pt-BR" },
);

export const email = z
  .email({ message: "must be an email address" })
  .max(254)
  .transform((v) => v.toLowerCase());

export const name = z.string().trim().min(1, { message: "must not be empty" }).max(200);
