import { afterCommit } from "../../../../after-commit.js";
import { NotFoundError } from "../../../../errors.js";
import type { Context } from "../../../../graphql/context.js";
import { audited } from "../../../../operation/audited.js";
import { announceCalendarChange } from "../timeslots/announce.js";
import { fairOrder, recordAssignment } from "./assignment.js";
import { assertMayBook, inCalendarScope } from "../calendars/calendar-access.js";
import { calendarTimeslots, holdWindow, readCalendarSchedule } from "../availability/calendar-availability.js";
import { HoldLimitError, SlotUnavailableError } from "../../errors.js";
import type { Hold } from "./hold-store.js";

const MINUTE = 60_000;

/**
 * Who a hold belongs to, for the per-client limit: a signed-in user, an API key, or an anonymous
 * widget by its IP address (`ctx.client.ip`: `X-Forwarded-For` only as far as `TRUST_PROXY` trusts it).
 */
export function holdClientId(ctx: Context): string {
  if (ctx.viewer.kind === "user") return `user:${ctx.viewer.userId}`;
  if (ctx.viewer.kind === "apiKey") return `key:${ctx.viewer.apiKeyId}`;
  return `ip:${ctx.client.ip ?? "unknown"}`;
}

/** Whether the caller may use a hold: one of their own, or an anonymous widget's (whose token is the only credential). */
export function mayUseHold(ctx: Context, hold: Hold): boolean {
  return hold.clientId.startsWith("ip:") || hold.clientId === holdClientId(ctx);
}

/** A live hold the caller may read, extend or release ({@link mayUseHold}); anything else answers not found. */
export async function ownHold(ctx: Context, token: string): Promise<Hold> {
  const hold = await ctx.services.holds.get(token);
  if (!hold || !mayUseHold(ctx, hold)) throw new NotFoundError("Hold");
  return hold;
}

export interface HoldRequest {
  calendarId: string;
  start: number;
  /** Unset: the fairest free specialist is assigned (and the assignment recorded). */
  specialistId?: string;
}

/**
 * Holds a calendar's slot for the caller: the slot must be offered now; the hold reserves the
 * slot widened by the calendar's buffers, exclusively for its specialist, for the configured TTL.
 * Without a specialist the free ones are tried in fair order until one can be held. The hold is
 * audited in the calendar's organization (unless `audit: false`: a part of a booking, whose own
 * audit row records it) and announced to live subscribers.
 */
export async function placeHold(ctx: Context, request: HoldRequest, options: { audit?: boolean } = {}): Promise<Hold> {
  const { services } = ctx;
  const { ttlMs, maxPerClient } = services.config.holds;
  const clientId = holdClientId(ctx);
  // A named specialist already held at that time: refused before any database work (a race's losers).
  if (
    request.specialistId &&
    (await services.holds.overlapping([request.specialistId], request.start, request.start + 1)).length
  ) {
    throw new SlotUnavailableError("This time was just taken");
  }
  let placed: Hold | undefined;
  let hold: Hold;
  try {
    hold = await inCalendarScope(ctx, request.calendarId, (scope) =>
      audited(
        ctx,
        async (tx) => {
          const schedule = await readCalendarSchedule(tx, request.calendarId, request.start, request.start + 1);
          assertMayBook(ctx, schedule);
          if (request.specialistId && !schedule.specialists.some((s) => s.id === request.specialistId)) {
            throw new NotFoundError("Specialist");
          }
          const now = Date.now();
          const window = holdWindow(request.start, request.start + 1);
          const holds = await services.holds.overlapping(
            schedule.specialists.map((s) => s.id),
            window.from,
            window.to,
          );
          const [slot] = calendarTimeslots(schedule, holds, {
            from: request.start,
            to: request.start + 1,
            now,
            specialistId: request.specialistId,
          });
          if (!slot) throw new SlotUnavailableError();
          const free = schedule.specialists.filter((s) => slot.specialistIds.includes(s.id));
          const order = request.specialistId ? free : await fairOrder(tx, schedule.id, free, now);
          for (const specialist of order) {
            const result = await services.holds.create({
              calendarId: schedule.id,
              specialistId: specialist.id,
              start: slot.start - schedule.rules.bufferBeforeMinutes * MINUTE,
              end: slot.end + schedule.rules.bufferAfterMinutes * MINUTE,
              slotStart: slot.start,
              slotEnd: slot.end,
              clientId,
              ttlMs,
              maxPerClient,
            });
            if (result.ok) {
              placed = result.hold;
              break;
            }
            if (result.reason === "TOO_MANY_HOLDS") throw new HoldLimitError(maxPerClient);
          }
          if (!placed) throw new SlotUnavailableError("This time was just taken");
          if (!request.specialistId) {
            await recordAssignment(tx, {
              organizationId: schedule.organizationId,
              calendarId: schedule.id,
              specialistId: placed.specialistId,
              holdToken: placed.token,
            });
          }
          const { token: _token, ...described } = placed;
          return {
            value: placed,
            audit: {
              action: "hold.create",
              entityType: "Calendar",
              entityId: schedule.id,
              after: { ...described, assigned: !request.specialistId },
            },
          };
        },
        scope,
        { record: options.audit ?? true },
      ),
    );
  } catch (error) {
    // The hold exists but its transaction did not commit: give the time back (or let it lapse).
    const orphan = placed;
    if (orphan)
      await afterCommit(ctx.log, "give the uncommitted hold back", () => services.holds.release(orphan.token));
    throw error;
  }
  await announceHold(ctx, hold, "HOLD_CREATED");
  return hold;
}

/** Tells live subscribers of every calendar offering the held specialist (best-effort: logged if it fails). */
export function announceHold(
  ctx: Pick<Context, "services">,
  hold: Hold,
  reason: "HOLD_CREATED" | "HOLD_RELEASED" | "HOLD_EXPIRED",
) {
  return afterCommit(ctx.services.log, `announce ${reason}`, () =>
    announceCalendarChange(ctx.services, {
      reason,
      specialistId: hold.specialistId,
      calendarIds: [hold.calendarId],
      start: hold.start,
      end: hold.end,
    }),
  );
}
