import { randomUUID } from "node:crypto";
import type { YogaInitialContext } from "graphql-yoga";
import { anonymous } from "../auth/viewer.js";
import type { Context } from "../graphql/context.js";
import type { Services } from "../services.js";

const requestIdPattern = /^[\w.:-]{1,128}$/;

const requestIds = new WeakMap<Request, string>();

/** A caller-supplied `x-request-id` is kept when it looks like one; otherwise a new id is made. */
export function requestIdOf(request: Request): string {
  let id = requestIds.get(request);
  if (!id) {
    const given = request.headers.get("x-request-id");
    id = given && requestIdPattern.test(given) ? given : randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

export async function buildContext(initial: YogaInitialContext, services: Services): Promise<Context> {
  const { request } = initial;
  const requestId = requestIdOf(request);
  return {
    ...initial,
    requestId,
    log: services.log.child({ requestId }),
    services,
    viewer: anonymous,
    db: services.appDb,
  };
}
