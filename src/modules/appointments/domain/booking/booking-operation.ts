import type { Actor, Operation } from "../../../../operation/actor.js";
import type { HoldOperation } from "../../../scheduling/index.js";

/**
 * What booking and rescheduling need besides the actor and its database, passed explicitly so a
 * job can book as well as a request: the container (the hold store and its limits, pub/sub for
 * live timeslots, the API connection that finds published calendars) and a log for the steps
 * after the commit (consuming the hold, announcing the time), which never fail the booking.
 */
export type BookingDeps = Pick<HoldOperation, "services" | "log">;

/** The actor, its database and the deps as one hold operation (what the scheduling functions take). */
export function bookingOperation(database: Operation["database"], actor: Actor, deps: BookingDeps): HoldOperation {
  return {
    viewer: actor.viewer,
    scope: actor.scope,
    requestId: actor.requestId,
    client: actor.client,
    database,
    services: deps.services,
    log: deps.log,
  };
}
