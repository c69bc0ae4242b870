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

/** A catalog item's description (services, plans, products). */
export const description = z.string().trim().max(5000);

const currencies = new Set(Intl.supportedValuesOf("currency"));

/** An ISO 4217 currency code, upper case (EUR, USD, JPY). */
export const currencyCode = z.string().refine((code) => /^[A-Z]{3}$/.test(code) && currencies.has(code), {
  message: "must be an ISO 4217 currency code such as EUR",
});

/** The largest amount of money the API handles, in minor units: GraphQL's `Int` holds it. */
export const MAX_MINOR_UNITS = 2_147_483_647;

/** An amount of money in integer minor units (cents for EUR, yen for JPY). */
export const minorUnits = z
  .number()
  .int({ message: "must be a whole number of minor units (e.g. cents)" })
  .min(0, { message: "must not be negative" })
  .max(100_000_000, { message: "must be at most 100000000 minor units" });
