import { z } from "zod";
import type { Prisma } from "../db/prisma.js";

/** Every setting a module declared, by key (each with its default). */
const declared: z.ZodRawShape = {};

/**
 * Declares a module's part of the organization settings (`organizations.settings`, one JSON
 * object): the module that reads a setting owns it. Keys are unique across modules.
 */
export function organizationSettingsSection<Shape extends z.ZodRawShape>(shape: Shape) {
  for (const key of Object.keys(shape)) {
    if (key in declared) throw new Error(`Two modules declare the organization setting "${key}"`);
  }
  Object.assign(declared, shape);
  const own = z.object(shape);
  return {
    /** This section's settings out of an organization's stored settings, defaults filled in. */
    parse: (settings: unknown) => own.parse(settings ?? {}),
    /** This section's settings of an organization. */
    async read(db: Pick<Prisma.TransactionClient, "organization">, organizationId: string) {
      const organization = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
      return own.parse(organization.settings ?? {});
    },
  };
}

/**
 * What an organization may configure: every declared section; unknown keys are rejected, so
 * typos do not pass silently. Lazy, because modules declare their sections as they load.
 */
export const organizationSettings = z.lazy(() => z.object(declared).strict());
