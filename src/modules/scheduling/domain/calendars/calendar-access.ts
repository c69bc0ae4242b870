import type { Container } from "../../../../container.js";
import type { TenantScope } from "../../../../db/tenant.js";
import { NotFoundError } from "../../../../errors.js";
import { type MemberRole, staffRoles } from "../../../../identity/roles.js";
import type { Actor } from "../../../../operation/actor.js";

/** Who reaches a calendar: the actor's scope, and the API connection that finds published calendars. */
export type CalendarCaller = Pick<Actor, "scope"> & { services: Pick<Container, "appDb"> };

/** The PostgreSQL role availability is read (and holds recorded) as: see the scheduling migration. */
export const WIDGET_DATABASE_ROLE = "clinicgraph_widget";

/** The caller, acting in `organizationId` as the booking-widget role (their own role when they are a member). */
export function widgetScope(ctx: Pick<Actor, "scope">, organizationId: string): TenantScope {
  const member = ctx.scope.organizationId === organizationId;
  return {
    organizationId,
    userId: ctx.scope.userId,
    role: member ? ctx.scope.role : null,
    databaseRole: WIDGET_DATABASE_ROLE,
  };
}

/**
 * Who may see a calendar's slots and hold them: its organization's staff always; its other
 * members (patients) while it is active; anyone while it is published (active, with a slug).
 * Throws not found otherwise, exactly as for an id that does not exist.
 */
export function assertMayBook(
  ctx: Pick<Actor, "scope">,
  calendar: { organizationId: string; active: boolean; slug: string | null } | null,
): asserts calendar is { organizationId: string; active: boolean; slug: string | null } {
  const ok =
    calendar !== null &&
    ((ctx.scope.organizationId === calendar.organizationId &&
      (calendar.active || staffRoles.includes(ctx.scope.role as MemberRole))) ||
      (calendar.active && calendar.slug !== null));
  if (!ok) throw new NotFoundError("Calendar");
}

/**
 * The organization of each calendar this process has seen (a calendar never changes
 * organization, and ids are never reused), so a widget's request need not look it up again.
 * Bounded: the oldest entries go first.
 */
const calendarOrganizations = new Map<string, string>();
const KNOWN_CALENDARS = 10_000;

function rememberOrganization(calendarId: string, organizationId: string) {
  if (calendarOrganizations.get(calendarId) === organizationId) return;
  if (calendarOrganizations.size >= KNOWN_CALENDARS) {
    const oldest = calendarOrganizations.keys().next().value;
    if (oldest !== undefined) calendarOrganizations.delete(oldest);
  }
  calendarOrganizations.set(calendarId, organizationId);
}

/**
 * Runs `work` in the scope of a calendar's organization, as the booking-widget role: first the
 * caller's own organization; if the calendar is not there, the organization of the published
 * calendar with that id (found through `tenancy.published_calendar`, the only way across
 * organizations). `work` throws NotFoundError("Calendar") when its scope does not show the calendar.
 *
 * `checksAccess: true` says `work` itself refuses a calendar the caller may not book (it calls
 * {@link assertMayBook} on the row it reads): then a caller with no organization goes straight to
 * the organization already known for the calendar, without `published_calendar`; the row read
 * there still decides (an unpublished calendar is not found, exactly as before).
 */
export async function inCalendarScope<T>(
  ctx: CalendarCaller,
  calendarId: string,
  work: (scope: TenantScope) => Promise<T>,
  options: { checksAccess?: boolean } = {},
): Promise<T> {
  if (ctx.scope.organizationId) {
    try {
      const result = await work(widgetScope(ctx, ctx.scope.organizationId));
      if (options.checksAccess) rememberOrganization(calendarId, ctx.scope.organizationId);
      return result;
    } catch (error) {
      if (!(error instanceof NotFoundError && error.entity === "Calendar")) throw error;
    }
  }
  const known = options.checksAccess && !ctx.scope.organizationId ? calendarOrganizations.get(calendarId) : undefined;
  const organizationId = known ?? (await publishedCalendarOrganization(ctx, { id: calendarId }));
  if (!organizationId || organizationId === ctx.scope.organizationId) throw new NotFoundError("Calendar");
  if (options.checksAccess) rememberOrganization(calendarId, organizationId);
  return work(widgetScope(ctx, organizationId));
}

/** The organization of a published calendar (by id or slug), or null. */
export async function publishedCalendarOrganization(
  ctx: CalendarCaller,
  calendar: { id?: string; slug?: string },
): Promise<string | null> {
  const [found] = await ctx.services.appDb.$queryRaw<{ organization_id: string }[]>`
    SELECT organization_id FROM tenancy.published_calendar(${calendar.id ?? null}::uuid, ${calendar.slug ?? null})`;
  return found?.organization_id ?? null;
}
