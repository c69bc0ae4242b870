import { z } from "zod";
import { isUniqueViolation } from "../../db/errors.js";
import type { Prisma } from "../../db/prisma.js";
import { ConflictError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { organizationSettings } from "../../settings/organization-settings.js";
import { bcp47Locale, ianaTimeZone, name } from "../../validation.js";

export const slug = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, {
  message: "must be 1-63 lowercase letters, digits or dashes, not starting or ending with a dash",
});

/**
 * The fields both inputs share; `required` says whether name and slug must be given. The
 * whole input is validated as one object, so every invalid field is reported at once.
 */
const organizationInputFields = (required: boolean) =>
  builder.inputType(required ? "CreateOrganizationInput" : "UpdateOrganizationInput", {
    description: required ? undefined : "Only the fields given change. `settings` replaces the whole settings object.",
    fields: (t) => ({
      name: t.string({ required }),
      slug: t.string({ required }),
      timezone: t.string({ required: false }),
      locale: t.string({ required: false }),
      settings: t.field({ type: "JSON", required: false }),
    }),
    validate: z.object({
      name: required ? name : name.nullish(),
      slug: required ? slug : slug.nullish(),
      timezone: ianaTimeZone.nullish(),
      locale: bcp47Locale.nullish(),
      settings: organizationSettings.nullish(),
    }),
  });

export const CreateOrganizationInput = organizationInputFields(true);
export const UpdateOrganizationInput = organizationInputFields(false);

/** Settings as stored: defaults filled in. Input was validated already; this applies the defaults. */
export const settingsWithDefaults = (settings: unknown) =>
  organizationSettings.parse(settings ?? {}) as Prisma.InputJsonObject;

/** Runs a write that may hit the unique slug, answering a taken slug as a ConflictError. */
export async function withUniqueSlug<T>(slugValue: string | null | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`The slug "${slugValue}" is taken`);
    throw error;
  }
}
