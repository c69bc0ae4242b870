import type { Prisma } from "../../../db/prisma.js";
import { organizationSettings } from "../../../settings/organization-settings.js";

/** What an organization is made of; validated by the GraphQL inputs (`types/organization-input.ts`). */
export interface OrganizationFields {
  name: string;
  slug: string;
  timezone?: string | null;
  locale?: string | null;
  /** Replaces the whole settings object. */
  settings?: unknown;
}

/** Settings as stored: defaults filled in. Input was validated already; this applies the defaults. */
export const settingsWithDefaults = (settings: unknown) =>
  organizationSettings.parse(settings ?? {}) as Prisma.InputJsonObject;
