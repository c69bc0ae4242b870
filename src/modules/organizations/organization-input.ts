import { z } from "zod";
import { bcp47Locale, ianaTimeZone, name } from "../../validation.js";
import { organizationSettings } from "./settings.js";

export const slug = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, {
  message: "must be 1-63 lowercase letters, digits or dashes, not starting or ending with a dash",
});

export const organizationFields = {
  name,
  slug,
  timezone: ianaTimeZone,
  locale: bcp47Locale,
  settings: organizationSettings,
};
