import type { YogaInitialContext } from "graphql-yoga";
import type { Container } from "../container.js";
import type { PrismaClient } from "../db/prisma.js";
import type { RequestDatabase, TenantScope } from "../db/tenant.js";
import type { Viewer } from "../identity/viewer.js";
import type { Logger } from "../logger.js";

/** What every resolver receives. Built once per request (and once per subscription). */
export interface Context extends YogaInitialContext {
  requestId: string;
  log: Logger;
  services: Container;
  viewer: Viewer;
  /** What row-level security lets this request see: the viewer's active organization and user. */
  scope: TenantScope;
  /** The database as the API role sees it, limited to {@link scope} by row-level security (reads). */
  db: PrismaClient;
  /** This operation's database: {@link db}'s shared read transaction, and write transactions. */
  database: RequestDatabase;
  /** Where the request came from (the socket's address, or `X-Forwarded-For` as far as `TRUST_PROXY` trusts it), for the audit log and hold limits. */
  client: {
    ip: string | null;
    userAgent: string | null;
    /** Where the client reached this server (`TRUST_PROXY` decides whether `X-Forwarded-Host`/`-Proto` count). */
    origin: string;
  };
}
