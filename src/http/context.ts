import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { YogaInitialContext } from "graphql-yoga";
import type { Container } from "../container.js";
import { RequestDatabase } from "../db/tenant.js";
import type { Context } from "../graphql/context.js";
import { authenticate } from "../identity/authenticate.js";
import { applyImpersonation } from "../identity/impersonation.js";
import { viewerOrganizationId, viewerPatientId, viewerRole, viewerUserId } from "../identity/viewer.js";
import { clientAddress, requestOrigin } from "./client-address.js";

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

const impersonatedPatients = new WeakMap<Request, string>();

/** The patient id a request acted as (`X-Impersonate-Patient`, once accepted), to mark its response. */
export function impersonatedPatientOf(request: Request): string | undefined {
  return impersonatedPatients.get(request);
}

/** What the `/v1` router adds to the server context of the operation it runs. */
export interface V1ServerContext {
  v1Origin?: string;
}

export async function buildContext(initial: YogaInitialContext, services: Container): Promise<Context> {
  const { request } = initial;
  const requestId = requestIdOf(request);
  const viewer = await applyImpersonation(request, await authenticate(request, services), services);
  if (viewer.kind === "user" && viewer.impersonating && viewer.patientId) {
    impersonatedPatients.set(request, encodeGlobalID("Patient", viewer.patientId));
  }
  const scope = {
    organizationId: viewerOrganizationId(viewer),
    userId: viewerUserId(viewer),
    role: viewerRole(viewer),
    patientId: viewerPatientId(viewer),
  };
  const database = new RequestDatabase(services.appDb, scope);
  const { trustProxy } = services.config;
  const socketAddress = (initial as { req?: IncomingMessage }).req?.socket?.remoteAddress ?? null;
  return {
    ...initial,
    requestId,
    log: services.log.child({ requestId }),
    services,
    viewer,
    scope,
    db: database.db,
    database,
    client: {
      ip: clientAddress(trustProxy, socketAddress, request.headers.get("x-forwarded-for")),
      userAgent: request.headers.get("user-agent"),
      // A `/v1` call runs its operation on an internal URL: the router passes the caller's origin.
      origin:
        (initial as V1ServerContext).v1Origin ?? requestOrigin(trustProxy, socketAddress, request.headers, request.url),
    },
  };
}
