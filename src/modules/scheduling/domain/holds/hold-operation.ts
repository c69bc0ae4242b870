import type { Container } from "../../../../container.js";
import type { Logger } from "../../../../logger.js";
import type { Operation } from "../../../../operation/actor.js";

/**
 * What hold functions work with: the actor and its database (holds are audited and assigned in
 * SQL), and the container's hold store, limits and announcements (holds live in Redis or memory).
 * A request's context is one; a job builds its own.
 */
export interface HoldOperation extends Operation {
  services: Container;
  log: Logger;
}
