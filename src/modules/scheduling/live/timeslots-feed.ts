import { Repeater } from "graphql-yoga";
import { NotFoundError } from "../../../errors.js";
import type { Context } from "../../../graphql/context.js";
import type { Timeslot } from "../domain/availability/compute-timeslots.js";
import type { TimeslotsChangeReason } from "../domain/timeslots/announce.js";
import { findTimeslots, type TimeslotQuery, timeslotsIn } from "../domain/timeslots/timeslots.js";
import { type ZonedTimeslot, zoned } from "../types/timeslot.type.js";
import { shareablePayload } from "./shared-results.js";

const DAY = 86_400_000;
/** How long a finished computation stays shared (subscribers of one change arrive within it). */
const SHARED_MS = 2_000;

export interface TimeslotsUpdate {
  calendarId: string;
  reason: "INITIAL" | TimeslotsChangeReason;
  /** Every slot of the subscriber's range, as it is now. */
  slots: ZonedTimeslot[];
  /** The slots that changed since the previous update, a slot that is gone with no specialists. */
  changed: ZonedTimeslot[];
}

/**
 * How long a new subscriber's first computation waits for others to join it. Only subscribers
 * already listening for changes when a computation starts may share it, so a burst of widgets
 * opening one calendar shares one read instead of each making its own.
 */
const JOIN_MS = 10;

/** Computations per change and range, shared by this process's subscribers. */
const shared = new Map<string, Promise<Timeslot[]>>();
/** First computations still open to joiners. */
const joinable = new Map<string, ReturnType<typeof findTimeslots>>();

function joinedComputation(
  key: string,
  compute: () => ReturnType<typeof findTimeslots>,
): ReturnType<typeof findTimeslots> {
  let computation = joinable.get(key);
  if (!computation) {
    computation = new Promise((resolve) => setTimeout(resolve, JOIN_MS)).then(() => {
      joinable.delete(key);
      return compute();
    });
    joinable.set(key, computation);
  }
  return computation;
}

function sharedComputation(key: string, compute: () => Promise<Timeslot[]>): Promise<Timeslot[]> {
  let computation = shared.get(key);
  if (!computation) {
    computation = compute();
    shared.set(key, computation);
    const forget = () => setTimeout(() => shared.delete(key), SHARED_MS).unref();
    computation.then(forget, forget);
  }
  return computation;
}

/** Slots whose specialists differ between two lists of one range; a slot no longer offered comes with none. */
export function changedSlots(before: Timeslot[], after: Timeslot[]): Timeslot[] {
  const previous = new Map(before.map((s) => [s.start, s]));
  const changed: Timeslot[] = [];
  for (const slot of after) {
    const was = previous.get(slot.start);
    previous.delete(slot.start);
    if (!was || was.specialistIds.join() !== slot.specialistIds.join()) changed.push(slot);
  }
  for (const gone of previous.values()) changed.push({ ...gone, specialistIds: [] });
  return changed.sort((a, b) => a.start - b.start);
}

/**
 * Messages already built, per slot list and the list it follows (null: the first message). Lists
 * are shared by the subscribers of one computation, so subscribers in the same state share one
 * message (diffed and formatted once, not once each); null when nothing changed.
 */
const built = new WeakMap<Timeslot[], Map<Timeslot[] | null, TimeslotsUpdate | null>>();

function sharedUpdate(
  calendarId: string,
  timeZone: string,
  reason: TimeslotsUpdate["reason"],
  slots: Timeslot[],
  previous: Timeslot[] | null,
): TimeslotsUpdate | null {
  let byPrevious = built.get(slots);
  if (!byPrevious) {
    byPrevious = new Map();
    built.set(slots, byPrevious);
  }
  let update = byPrevious.get(previous);
  if (update === undefined) {
    const changed = previous ? changedSlots(previous, slots) : slots;
    update =
      changed.length || !previous
        ? shareablePayload({ calendarId, reason, slots: zoned(slots, timeZone), changed: zoned(changed, timeZone) })
        : null;
    byPrevious.set(previous, update);
  }
  return update;
}

/**
 * A subscriber's live view of a calendar's slots: the current list first, then, whenever an
 * announced change touches its range (in any server process), the new list and what changed.
 * Subscribers of one process with the same calendar, range, zone and access share one
 * computation and one message per change; those that also selected the same fields share its
 * execution and its JSON (see `shared-results.ts`). The stream ends if the calendar stops being visible
 * to the subscriber.
 */
export async function watchTimeslots(
  ctx: Context,
  query: TimeslotQuery & { timeZone: string },
): Promise<AsyncIterable<TimeslotsUpdate>> {
  const changes = ctx.services.pubsub.subscribe("scheduling:calendar-changed", query.calendarId);
  // Starts listening now, so no change between this read and the first update is missed.
  const firstChange = changes.next();
  const view = [query.calendarId, query.from, query.to, query.specialistId ?? "", query.timeZone].join("|");
  let initial: Awaited<ReturnType<typeof findTimeslots>>;
  try {
    // Callers in the same organization with the same role reach the calendar the same way.
    initial = await joinedComputation(`${view}|${ctx.scope.organizationId}|${ctx.scope.role}`, () =>
      findTimeslots(ctx, query),
    );
  } catch (error) {
    await changes.return?.();
    throw error;
  }
  const { scope } = initial;
  const access = scope.organizationId === ctx.scope.organizationId ? `member:${scope.role}` : "public";
  const key = `${view}|${access}`;
  const message = (reason: TimeslotsUpdate["reason"], slots: Timeslot[], previous: Timeslot[] | null) =>
    sharedUpdate(query.calendarId, query.timeZone, reason, slots, previous);

  return new Repeater<TimeslotsUpdate>(async (push, stop) => {
    void stop.then(() => changes.return?.()).catch(() => {});
    let previous = initial.slots;
    await push(message("INITIAL", previous, null) as TimeslotsUpdate);
    for (let next = firstChange; ; next = changes.next()) {
      const { value: change, done } = await next;
      if (done) break;
      const touches =
        change.start === null ||
        change.end === null ||
        (change.end > query.from - DAY && change.start < query.to + DAY);
      if (!touches) continue;
      let slots: Timeslot[];
      try {
        slots = await sharedComputation(`${change.id}|${key}`, () => timeslotsIn(ctx, scope, query));
      } catch (error) {
        if (error instanceof NotFoundError) break;
        throw error;
      }
      const update = message(change.reason, slots, previous);
      previous = slots;
      if (update) await push(update);
    }
    stop();
  });
}
