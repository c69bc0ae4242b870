import type { YogaInitialContext } from "graphql-yoga";
import type { Viewer } from "../auth/viewer.js";
import type { PrismaClient } from "../db/prisma.js";
import type { Logger } from "../logger.js";
import type { Services } from "../services.js";

/** What every resolver receives. Built once per request (and once per subscription). */
export interface Context extends YogaInitialContext {
  requestId: string;
  log: Logger;
  services: Services;
  viewer: Viewer;
  /** The database as the API role sees it. */
  db: PrismaClient;
}
